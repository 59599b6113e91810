package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** The speaker has finished its turn; the next member's turn begins. */
public record TurnDone(String id, String room) implements SessionRequest {
    public TurnDone {
        requireText(room, "room");
    }

    @Override
    public TurnDone withId(String newId) {
        return new TurnDone(newId, room);
    }
}
