package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Facilitated sessions.
 *
 * @param facilitatorGraceSeconds how long a room that requires a facilitator waits, after its
 *                                last facilitator left, before it tells its members it is
 *                                {@code unfacilitated}; a facilitator coming back within it
 *                                goes unnoticed
 */
public record SessionSettings(int facilitatorGraceSeconds) {
    public static final int MAX_FACILITATOR_GRACE_SECONDS = 3600;

    public SessionSettings {
        check(facilitatorGraceSeconds >= 1 && facilitatorGraceSeconds <= MAX_FACILITATOR_GRACE_SECONDS,
                "sessions.facilitatorGraceSeconds must be between 1 and " + MAX_FACILITATOR_GRACE_SECONDS);
    }

    public static SessionSettings defaults() {
        return new SessionSettings(90);
    }
}
