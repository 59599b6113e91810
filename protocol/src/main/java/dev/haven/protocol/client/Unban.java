package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Lift a ban (facilitator). */
public record Unban(String id, String room, String user) implements RoomRequest {
    public Unban {
        requireText(room, "room");
        requireText(user, "user");
    }

    @Override
    public Unban withId(String newId) {
        return new Unban(newId, room, user);
    }
}
