package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/** Who is muted or banned in the room now, present or not (facilitator); answered with a {@code SanctionsResult}. */
public record ListSanctions(String id, String room) implements RoomRequest {
    public ListSanctions {
        requireText(room, "room");
    }

    @Override
    public ListSanctions withId(String newId) {
        return new ListSanctions(newId, room);
    }
}
