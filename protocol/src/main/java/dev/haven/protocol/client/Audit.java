package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.InvalidFieldException;

/**
 * The room's moderation log, newest first (facilitator).
 *
 * @param limit how many entries, 1 to {@link #MAX_LIMIT}; null for all held (up to {@code moderation.auditEntries})
 */
public record Audit(String id, String room, Integer limit) implements RoomRequest {
    public static final int MAX_LIMIT = 500;

    public Audit {
        requireText(room, "room");
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidFieldException("field 'limit' must be 1 to " + MAX_LIMIT);
        }
    }

    @Override
    public Audit withId(String newId) {
        return new Audit(newId, room, limit);
    }
}
