package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requirePositive;
import static dev.haven.protocol.Fields.requireText;

/** Delete a message (facilitator): it leaves every screen and the held history. */
public record Delete(String id, String room, Long seq) implements RoomRequest {
    public Delete {
        requireText(room, "room");
        requirePositive(seq, "seq");
    }

    @Override
    public Delete withId(String newId) {
        return new Delete(newId, room, seq);
    }
}
