package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Size limits.
 *
 * @param maxTextChars  the longest message text, in characters ({@code too_large} past it)
 * @param maxFrameBytes the largest WebSocket frame or message, in bytes (close 1009 past it)
 */
public record LimitSettings(int maxTextChars, int maxFrameBytes) {
    public LimitSettings {
        check(maxTextChars >= 1 && maxTextChars <= 60_000, "limits.maxTextChars must be between 1 and 60000");
        check(maxFrameBytes >= 1024 && maxFrameBytes <= 1024 * 1024,
                "limits.maxFrameBytes must be between 1024 and 1048576");
    }
}
