package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.UserInfo;

/**
 * A message shared in a room, sent to every member, the sender included.
 *
 * @param seq rises by exactly 1 per accepted message within the room
 * @param ts  when the server accepted it (epoch ms)
 * @param cw  the sender's content warning: clients show the message collapsed until opened
 */
public record MessageEvent(String room, long seq, UserInfo from, String text, long ts, String clientId,
                           ContentWarning cw) implements ServerMessage {

    public MessageEvent {
        Fields.requireText(room, "room");
        Fields.require(from, "from");
        Fields.require(text, "text");
    }

    /** A message without a content warning. */
    public MessageEvent(String room, long seq, UserInfo from, String text, long ts, String clientId) {
        this(room, seq, from, text, ts, clientId, null);
    }

    /** Keeps the message text out of logs and exception messages. */
    @Override
    public String toString() {
        return "MessageEvent[room=" + room + ", seq=" + seq + ", from=" + from.id() + "]";
    }
}
