package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Participation balance over the rolling window (facilitator). */
public record Stats(String id, String room) implements RoomRequest {
    public Stats {
        requireText(room, "room");
    }

    @Override
    public Stats withId(String newId) {
        return new Stats(newId, room);
    }
}
