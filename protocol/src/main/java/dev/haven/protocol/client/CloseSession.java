package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalDuration;
import static dev.haven.protocol.Fields.optionalReason;
import static dev.haven.protocol.Fields.requireText;

/**
 * Close the room's session (facilitator): everyone is told when, and at that time everyone
 * leaves and what was said is purged.
 *
 * @param graceSeconds how long until it closes, 1 to {@link #MAX_GRACE_SECONDS}; null for
 *                     {@link #DEFAULT_GRACE_SECONDS}
 * @param text         a closing word for the group, instead of the server's own
 */
public record CloseSession(String id, String room, Long graceSeconds, String text) implements SessionRequest {
    public static final long DEFAULT_GRACE_SECONDS = 60;
    public static final long MAX_GRACE_SECONDS = 30 * 60;

    public CloseSession {
        requireText(room, "room");
        optionalDuration(graceSeconds, "graceSeconds", MAX_GRACE_SECONDS);
        text = optionalReason(text, "text");
    }

    @Override
    public CloseSession withId(String newId) {
        return new CloseSession(newId, room, graceSeconds, text);
    }

    /** Keeps the facilitator's words out of logs. */
    @Override
    public String toString() {
        return "CloseSession[id=" + id + ", room=" + room + ", graceSeconds=" + graceSeconds + "]";
    }
}
