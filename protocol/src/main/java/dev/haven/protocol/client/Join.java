package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireNonNegative;
import static dev.haven.protocol.Fields.requireText;

/**
 * Enter a room.
 *
 * @param since            the last {@code seq} this client saw; the reply then holds every
 *                         message after it that is still held
 * @param acceptGuidelines the member has read and accepts the room's guidelines
 */
public record Join(String id, String room, Long since, Boolean acceptGuidelines) implements ClientMessage {
    public Join {
        requireText(room, "room");
        requireNonNegative(since, "since");
    }

    public static Join room(String room) {
        return new Join(null, room, null, true);
    }

    @Override
    public Join withId(String newId) {
        return new Join(newId, room, since, acceptGuidelines);
    }
}
