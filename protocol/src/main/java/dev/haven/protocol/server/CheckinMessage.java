package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.UserInfo;

/**
 * A message in a check-in, sent to everyone in it, the sender included.
 *
 * @param checkin the check-in's id
 * @param seq     rises by exactly 1 per accepted message within the check-in, from 1
 * @param ts      when the server accepted it (epoch ms)
 */
public record CheckinMessage(String checkin, String room, long seq, UserInfo from, String text, long ts,
                             String clientId) implements ServerMessage {
    public CheckinMessage {
        Fields.requireText(checkin, "checkin");
        Fields.requireText(room, "room");
        Fields.require(from, "from");
        Fields.require(text, "text");
    }

    /** Keeps the message text out of logs and exception messages. */
    @Override
    public String toString() {
        return "CheckinMessage[checkin=" + checkin + ", seq=" + seq + ", from=" + from.id() + "]";
    }
}
