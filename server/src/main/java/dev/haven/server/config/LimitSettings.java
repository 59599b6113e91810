package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Size and rate limits.
 *
 * @param maxTextChars    the longest message text, in characters ({@code too_large} past it)
 * @param maxFrameBytes   the largest WebSocket frame or message, in bytes (close 1009 past it)
 * @param sendPerSecond   {@code send} requests a connection may make per second ({@code rate_limited} past it)
 * @param sendBurst       how many {@code send}s may come at once before the rate applies
 * @param framesPerSecond frames of any kind a connection may send per second
 * @param frameBurst      how many frames may come at once before that rate applies
 * @param floodRefusals   refusals within 10 s after which a connection is closed with 1008
 */
public record LimitSettings(int maxTextChars, int maxFrameBytes, int sendPerSecond, int sendBurst,
                            int framesPerSecond, int frameBurst, int floodRefusals) {
    public LimitSettings {
        check(maxTextChars >= 1 && maxTextChars <= 60_000, "limits.maxTextChars must be between 1 and 60000");
        check(maxFrameBytes >= 1024 && maxFrameBytes <= 1024 * 1024,
                "limits.maxFrameBytes must be between 1024 and 1048576");
        check(sendPerSecond >= 1 && sendPerSecond <= 100_000, "limits.sendPerSecond must be between 1 and 100000");
        check(sendBurst >= 1 && sendBurst <= 100_000, "limits.sendBurst must be between 1 and 100000");
        check(framesPerSecond >= sendPerSecond && framesPerSecond <= 100_000,
                "limits.framesPerSecond must be at least limits.sendPerSecond and at most 100000");
        check(frameBurst >= sendBurst && frameBurst <= 100_000,
                "limits.frameBurst must be at least limits.sendBurst and at most 100000");
        check(floodRefusals >= 1 && floodRefusals <= 100_000, "limits.floodRefusals must be between 1 and 100000");
    }

    /** The defaults, for tests and tools that build a configuration in code. */
    public static LimitSettings defaults() {
        return new LimitSettings(4000, 65536, 10, 20, 50, 100, 50);
    }
}
