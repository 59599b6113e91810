package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.CheckinInfo;
import java.util.List;

/**
 * The reply to {@code checkin_history}.
 *
 * @param messages the held messages (those after {@code since} when the request gave one), oldest first
 * @param gap      true when some messages after {@code since} are no longer held
 */
public record CheckinHistoryResult(CheckinInfo checkin, List<CheckinMessage> messages, boolean gap) implements Result {
    public CheckinHistoryResult {
        Fields.require(checkin, "checkin");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** Keeps the messages' text out of logs. */
    @Override
    public String toString() {
        return "CheckinHistoryResult[checkin=" + checkin.id() + ", messages=" + messages.size() + ", gap=" + gap + "]";
    }
}
