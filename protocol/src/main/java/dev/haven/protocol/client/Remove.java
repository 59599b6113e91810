package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalReason;
import static dev.haven.protocol.Fields.requireText;

/** Take a member out of the room at once (facilitator); the member may rejoin. */
public record Remove(String id, String room, String user, String reason) implements RoomRequest {
    public Remove {
        requireText(room, "room");
        requireText(user, "user");
        reason = optionalReason(reason, "reason");
    }

    @Override
    public Remove withId(String newId) {
        return new Remove(newId, room, user, reason);
    }

    /** Keeps the facilitator's reason out of logs. */
    @Override
    public String toString() {
        return "Remove[id=" + id + ", room=" + room + ", user=" + user + "]";
    }
}
