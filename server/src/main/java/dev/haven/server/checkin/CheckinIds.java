package dev.haven.server.checkin;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Check-in ids: {@code ck:<room>:<16 hex digits>}. The room is part of the id, so a request
 * that names only the check-in is routed to its room from the id alone (and, with more than
 * one process, to the process that owns the room). The random part makes ids unique across
 * restarts and unguessable; a guessed id would still be refused to anyone not in the check-in.
 * Room ids hold no colon (see {@code RoomSettings}), so the room is read back unambiguously.
 * Thread-safe.
 */
public final class CheckinIds {
    static final String PREFIX = "ck:";
    private static final int RANDOM_BYTES = 8;

    private final SecureRandom random = new SecureRandom();

    /** A new id for a check-in in this room. */
    public String next(String roomId) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + roomId + ":" + HexFormat.of().formatHex(bytes);
    }

    /** The room a check-in id names, or null when it is not a check-in id. */
    public static String roomOf(String checkinId) {
        if (checkinId == null || !checkinId.startsWith(PREFIX)) {
            return null;
        }
        int end = checkinId.lastIndexOf(':');
        if (end <= PREFIX.length() || checkinId.length() - end - 1 != RANDOM_BYTES * 2) {
            return null;
        }
        return checkinId.substring(PREFIX.length(), end);
    }
}
