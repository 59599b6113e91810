package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalDuration;
import static dev.haven.protocol.Fields.optionalReason;
import static dev.haven.protocol.Fields.requireText;

/**
 * Remove a member and refuse its rejoining (facilitator).
 *
 * @param seconds how long, 1 to {@link #MAX_SECONDS}; null until lifted
 */
public record Ban(String id, String room, String user, Long seconds, String reason) implements RoomRequest {
    public static final long MAX_SECONDS = 365L * 24 * 3600;

    public Ban {
        requireText(room, "room");
        requireText(user, "user");
        optionalDuration(seconds, "seconds", MAX_SECONDS);
        reason = optionalReason(reason, "reason");
    }

    @Override
    public Ban withId(String newId) {
        return new Ban(newId, room, user, seconds, reason);
    }

    /** Keeps the facilitator's reason out of logs. */
    @Override
    public String toString() {
        return "Ban[id=" + id + ", room=" + room + ", user=" + user + ", seconds=" + seconds + "]";
    }
}
