package dev.haven.protocol.client;

import dev.haven.protocol.model.CheckinOutcome;

/**
 * End a check-in (anyone in it): everyone in it is told, and its messages are deleted.
 *
 * @param outcome how it ended, for the room's audit log; staff only
 */
public record CheckinClose(String id, String checkin, CheckinOutcome outcome) implements CheckinRequest {
    public CheckinClose {
        CheckinRequest.requireCheckinId(checkin);
    }

    @Override
    public CheckinClose withId(String newId) {
        return new CheckinClose(newId, checkin, outcome);
    }
}
