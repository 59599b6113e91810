package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Raise a hand: ask for the floor. Facilitators see the queue in raise order. */
public record RaiseHand(String id, String room) implements RoomRequest {
    public RaiseHand {
        requireText(room, "room");
    }

    @Override
    public RaiseHand withId(String newId) {
        return new RaiseHand(newId, room);
    }
}
