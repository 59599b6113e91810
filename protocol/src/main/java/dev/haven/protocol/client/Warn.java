package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireReason;
import static dev.haven.protocol.Fields.requireText;

/** A private word to one member (facilitator); the member's notice carries the text as its reason. */
public record Warn(String id, String room, String user, String text) implements RoomRequest {
    public Warn {
        requireText(room, "room");
        requireText(user, "user");
        text = requireReason(text, "text");
    }

    @Override
    public Warn withId(String newId) {
        return new Warn(newId, room, user, text);
    }

    /** Keeps the facilitator's words out of logs. */
    @Override
    public String toString() {
        return "Warn[id=" + id + ", room=" + room + ", user=" + user + "]";
    }
}
