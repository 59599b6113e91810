package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Turn a waiting member away (facilitator). */
public record Deny(String id, String room, String user) implements RoomRequest {
    public Deny {
        requireText(room, "room");
        requireText(user, "user");
    }

    @Override
    public Deny withId(String newId) {
        return new Deny(newId, room, user);
    }
}
