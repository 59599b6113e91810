package dev.haven.protocol.server;

import dev.haven.protocol.Fields;

/**
 * A word from the service's operators to everyone in a room (through the admin API), such as
 * "tonight's group ends early". Clients show it as a notice from the service, apart from what
 * members write. A member joining while it is current receives it after its join reply.
 *
 * @param id an id for the announcement, so a client shows it once
 * @param ts when it was posted (epoch ms)
 */
public record Announcement(String room, String id, String text, long ts) implements ServerMessage {
    public Announcement {
        Fields.requireText(room, "room");
        Fields.requireText(id, "id");
        Fields.requireText(text, "text");
    }

    /** Keeps the operators' words out of logs. */
    @Override
    public String toString() {
        return "Announcement[room=" + room + ", id=" + id + "]";
    }
}
