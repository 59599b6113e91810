package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requirePositive;
import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.InvalidFieldException;

/**
 * Give the speaker more time (facilitator).
 *
 * @param seconds how much more, 1 to {@link #MAX_SECONDS}
 */
public record TurnExtend(String id, String room, Long seconds) implements SessionRequest {
    public static final long MAX_SECONDS = 10 * 60;

    public TurnExtend {
        requireText(room, "room");
        requirePositive(seconds, "seconds");
        if (seconds > MAX_SECONDS) {
            throw new InvalidFieldException("field 'seconds' must be a whole number from 1 to " + MAX_SECONDS);
        }
    }

    @Override
    public TurnExtend withId(String newId) {
        return new TurnExtend(newId, room, seconds);
    }
}
