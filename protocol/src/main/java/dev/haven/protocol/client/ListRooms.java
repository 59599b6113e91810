package dev.haven.protocol.client;

import dev.haven.protocol.model.RoomCategory;

/** The {@code rooms} request: the room directory, optionally filtered. */
public record ListRooms(String id, RoomCategory category, String tag, String q) implements ClientMessage {
    public static ListRooms all() {
        return new ListRooms(null, null, null, null);
    }

    @Override
    public ListRooms withId(String newId) {
        return new ListRooms(newId, category, tag, q);
    }
}
