package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * How much of each room's conversation is held in memory for late joiners and catch-up.
 * Nothing is ever written to disk.
 */
public record HistorySettings(int maxMessages, long maxAgeSeconds) {
    public HistorySettings {
        check(maxMessages >= 0 && maxMessages <= 10_000, "history.maxMessages must be between 0 and 10000");
        check(maxAgeSeconds >= 1 && maxAgeSeconds <= 7 * 24 * 3600,
                "history.maxAgeSeconds must be between 1 and 604800 (7 days)");
    }
}
