package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * How much of each room's conversation is held in memory for late joiners and catch-up.
 * Nothing is ever written to disk.
 *
 * @param maxMessages   messages held per room
 * @param maxAgeSeconds the oldest message held
 * @param maxBytes      the UTF-8 bytes of text (a message's text and its content warning's
 *                      words) held per room: the memory a room's history may take, and about
 *                      the size of a join reply that carries all of it
 */
public record HistorySettings(int maxMessages, long maxAgeSeconds, long maxBytes) {
    /** 256 KiB: a quarter of the default outbound budget, so a full history fits any join reply. */
    public static final long DEFAULT_MAX_BYTES = 256 * 1024;

    public HistorySettings {
        check(maxMessages >= 0 && maxMessages <= 10_000, "history.maxMessages must be between 0 and 10000");
        check(maxAgeSeconds >= 1 && maxAgeSeconds <= 7 * 24 * 3600,
                "history.maxAgeSeconds must be between 1 and 604800 (7 days)");
        check(maxBytes >= 16 * 1024 && maxBytes <= 64L * 1024 * 1024,
                "history.maxBytes must be between 16384 and 67108864 (64 MiB)");
    }

    /** Bounded in count and age, and in bytes by {@link #DEFAULT_MAX_BYTES}. */
    public HistorySettings(int maxMessages, long maxAgeSeconds) {
        this(maxMessages, maxAgeSeconds, DEFAULT_MAX_BYTES);
    }
}
