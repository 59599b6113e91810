package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Let a waiting member in (facilitator); its next join succeeds. */
public record Admit(String id, String room, String user) implements RoomRequest {
    public Admit {
        requireText(room, "room");
        requireText(user, "user");
    }

    @Override
    public Admit withId(String newId) {
        return new Admit(newId, room, user);
    }
}
