package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireNonNegative;

/**
 * A check-in and its held messages (anyone in it).
 *
 * @param since the last seq the client saw in it: only later messages come back; null for all held
 */
public record CheckinHistory(String id, String checkin, Long since) implements CheckinRequest {
    public CheckinHistory {
        CheckinRequest.requireCheckinId(checkin);
        requireNonNegative(since, "since");
    }

    @Override
    public CheckinHistory withId(String newId) {
        return new CheckinHistory(newId, checkin, since);
    }
}
