package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Facilitation settings.
 *
 * @param statsWindowSeconds the rolling window of participation stats, in whole minutes' worth
 * @param auditEntries       moderation actions kept per room, newest first
 */
public record ModerationSettings(int statsWindowSeconds, int auditEntries) {
    public ModerationSettings {
        check(statsWindowSeconds >= 60 && statsWindowSeconds <= 24 * 3600,
                "moderation.statsWindowSeconds must be between 60 and 86400");
        check(auditEntries >= 1 && auditEntries <= 10_000, "moderation.auditEntries must be between 1 and 10000");
    }

    public static ModerationSettings defaults() {
        return new ModerationSettings(900, 500);
    }
}
