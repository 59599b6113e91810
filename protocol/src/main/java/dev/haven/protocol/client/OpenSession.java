package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/**
 * Open the room's session (facilitator): members may send. On a room that is already open it
 * is {@code ok}; on a room that is closing, it calls the close off.
 */
public record OpenSession(String id, String room) implements SessionRequest {
    public OpenSession {
        requireText(room, "room");
    }

    @Override
    public OpenSession withId(String newId) {
        return new OpenSession(newId, room);
    }
}
