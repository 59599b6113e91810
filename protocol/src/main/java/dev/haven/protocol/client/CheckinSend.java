package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalClientId;
import static dev.haven.protocol.Fields.requireMessageText;

/**
 * Write in a check-in (its member, a facilitator of the room, or a supervisor in it). Text,
 * rate limits and bad input are as for {@code send}.
 *
 * @param clientId an optional client-chosen tag, echoed in the {@code checkin_message}; a retry
 *                 with the same tag is answered {@code duplicate: true} and not delivered again
 */
public record CheckinSend(String id, String checkin, String text, String clientId) implements CheckinRequest {
    public CheckinSend {
        CheckinRequest.requireCheckinId(checkin);
        requireMessageText(text, "text");
        optionalClientId(clientId, "clientId");
    }

    public static CheckinSend text(String checkin, String text) {
        return new CheckinSend(null, checkin, text, null);
    }

    @Override
    public CheckinSend withId(String newId) {
        return new CheckinSend(newId, checkin, text, clientId);
    }

    /** Keeps the message text out of logs and exception messages. */
    @Override
    public String toString() {
        return "CheckinSend[id=" + id + ", checkin=" + checkin + ", chars=" + text.length() + "]";
    }
}
