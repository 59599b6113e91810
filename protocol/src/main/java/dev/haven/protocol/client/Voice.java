package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.require;
import static dev.haven.protocol.Fields.requireText;

/** Give or take the floor in a moderated room (facilitator). */
public record Voice(String id, String room, String user, Boolean granted) implements RoomRequest {
    public Voice {
        requireText(room, "room");
        requireText(user, "user");
        require(granted, "granted");
    }

    @Override
    public Voice withId(String newId) {
        return new Voice(newId, room, user, granted);
    }
}
