package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalText;
import static dev.haven.protocol.Fields.requireText;

/**
 * Open a check-in with a member of the room (a facilitator of the room, or a supervisor); one
 * already open with that member is returned as it is, and a supervisor who was not in it joins it.
 *
 * @param user    the member's user id
 * @param alertId the {@code crisis} or {@code request_facilitator} alert about this member it
 *                answers: it is acknowledged as {@code reaching_out}. A supervisor who has not
 *                joined the room opens or joins a check-in only from an escalated alert.
 */
public record CheckinOpen(String id, String room, String user, String alertId) implements CheckinRequest {
    public CheckinOpen {
        requireText(room, "room");
        requireText(user, "user");
        optionalText(alertId, "alertId");
    }

    @Override
    public CheckinOpen withId(String newId) {
        return new CheckinOpen(newId, room, user, alertId);
    }
}
