package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalText;

/**
 * The open check-ins the caller is in, in every room: a reconnecting client finds its threads
 * again this way.
 *
 * @param room only this room's; null for every room
 */
public record ListCheckins(String id, String room) implements CheckinRequest {
    public ListCheckins {
        optionalText(room, "room");
    }

    public static ListCheckins all() {
        return new ListCheckins(null, null);
    }

    @Override
    public ListCheckins withId(String newId) {
        return new ListCheckins(newId, room);
    }
}
