package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Check-ins: private conversations between a member and a room's staff. Their messages are
 * bounded like the room's history ({@code history.maxMessages}, {@code history.maxAgeSeconds})
 * and live in memory only.
 *
 * @param idleSeconds how long a check-in may go without a message, an opening or a join before
 *                    the server closes it and deletes its messages
 */
public record CheckinSettings(int idleSeconds) {
    public static final int MIN_IDLE_SECONDS = 60;
    public static final int MAX_IDLE_SECONDS = 7 * 24 * 3600;

    public CheckinSettings {
        check(idleSeconds >= MIN_IDLE_SECONDS && idleSeconds <= MAX_IDLE_SECONDS,
                "checkins.idleSeconds must be between " + MIN_IDLE_SECONDS + " and " + MAX_IDLE_SECONDS);
    }

    /** Two hours without a word. */
    public static CheckinSettings defaults() {
        return new CheckinSettings(7200);
    }
}
