package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalText;
import static dev.haven.protocol.Fields.requireText;

/**
 * Lower a hand: one's own, or, for a facilitator, anyone's.
 *
 * @param user whose hand; null for one's own
 */
public record LowerHand(String id, String room, String user) implements RoomRequest {
    public LowerHand {
        requireText(room, "room");
        optionalText(user, "user");
    }

    @Override
    public LowerHand withId(String newId) {
        return new LowerHand(newId, room, user);
    }
}
