package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Lift a mute (facilitator). */
public record Unmute(String id, String room, String user) implements RoomRequest {
    public Unmute {
        requireText(room, "room");
        requireText(user, "user");
    }

    @Override
    public Unmute withId(String newId) {
        return new Unmute(newId, room, user);
    }
}
