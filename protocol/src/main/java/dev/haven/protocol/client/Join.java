package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireNonNegative;
import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.InvalidFieldException;

/**
 * Enter a room.
 *
 * @param since             the last {@code seq} this client saw; the reply then holds every
 *                          message after it that is still held
 * @param acceptGuidelines  the member has read and accepts the room's guidelines
 * @param guidelinesVersion the version of the guidelines the member read; when given and no
 *                          longer current, the join is refused with {@code guidelines_required}
 */
public record Join(String id, String room, Long since, Boolean acceptGuidelines, Integer guidelinesVersion)
        implements ClientMessage {
    public Join {
        requireText(room, "room");
        requireNonNegative(since, "since");
        if (guidelinesVersion != null && guidelinesVersion < 1) {
            throw new InvalidFieldException("field 'guidelinesVersion' must be at least 1");
        }
    }

    public Join(String id, String room, Long since, Boolean acceptGuidelines) {
        this(id, room, since, acceptGuidelines, null);
    }

    public static Join room(String room) {
        return new Join(null, room, null, true, null);
    }

    @Override
    public Join withId(String newId) {
        return new Join(newId, room, since, acceptGuidelines, guidelinesVersion);
    }
}
