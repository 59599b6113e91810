package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Leave a room. */
public record Leave(String id, String room) implements ClientMessage {
    public Leave {
        requireText(room, "room");
    }

    @Override
    public Leave withId(String newId) {
        return new Leave(newId, room);
    }
}
