package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** End the round now (facilitator). */
public record RoundEnd(String id, String room) implements SessionRequest {
    public RoundEnd {
        requireText(room, "room");
    }

    @Override
    public RoundEnd withId(String newId) {
        return new RoundEnd(newId, room);
    }
}
