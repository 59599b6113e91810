package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Move a round on to its next speaker now, as if the speaker's time were up (facilitator). */
public record TurnNext(String id, String room) implements SessionRequest {
    public TurnNext {
        requireText(room, "room");
    }

    @Override
    public TurnNext withId(String newId) {
        return new TurnNext(newId, room);
    }
}
