package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Size, rate and connection limits.
 *
 * @param maxTextChars          the longest message text, in characters ({@code too_large} past it)
 * @param maxFrameBytes         the largest WebSocket frame or message, in bytes (close 1009 past it)
 * @param sendPerSecond         {@code send} requests a connection may make per second ({@code rate_limited} past it)
 * @param sendBurst             how many {@code send}s may come at once before the rate applies
 * @param framesPerSecond       frames of any kind a connection may send per second
 * @param frameBurst            how many frames may come at once before that rate applies
 * @param floodRefusals         refusals within 10 s after which a connection is closed with 1008
 * @param badFramesPerMinute    frames answered {@code bad_request} or {@code unknown_type} a
 *                              connection may send in a minute; one more closes it with 1008
 * @param connectionsPerAddress WebSocket connections open at once from one network address;
 *                              past it a handshake is refused with 503
 * @param maxConnections        WebSocket connections open at once in total; past it a handshake
 *                              is refused with 503
 * @param outboundQueueBytes    bytes that may wait to be sent to one connection that does not
 *                              read them; past it the connection is closed with 1008 "slow"
 */
public record LimitSettings(int maxTextChars, int maxFrameBytes, int sendPerSecond, int sendBurst,
                            int framesPerSecond, int frameBurst, int floodRefusals, int badFramesPerMinute,
                            int connectionsPerAddress, int maxConnections, int outboundQueueBytes) {
    public static final int DEFAULT_BAD_FRAMES_PER_MINUTE = 10;
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 100;
    public static final int DEFAULT_MAX_CONNECTIONS = 20_000;
    public static final int DEFAULT_OUTBOUND_QUEUE_BYTES = 1024 * 1024;

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
        check(badFramesPerMinute >= 1 && badFramesPerMinute <= 100_000,
                "limits.badFramesPerMinute must be between 1 and 100000");
        check(connectionsPerAddress >= 1 && connectionsPerAddress <= 1_000_000,
                "limits.connectionsPerAddress must be between 1 and 1000000");
        check(maxConnections >= 1 && maxConnections <= 1_000_000,
                "limits.maxConnections must be between 1 and 1000000");
        check(outboundQueueBytes >= 64 * 1024 && outboundQueueBytes <= 256 * 1024 * 1024,
                "limits.outboundQueueBytes must be between 65536 and 268435456");
    }

    /** Sizes and rates as given; bad frames, connections and the outbound queue at their defaults. */
    public LimitSettings(int maxTextChars, int maxFrameBytes, int sendPerSecond, int sendBurst,
                         int framesPerSecond, int frameBurst, int floodRefusals) {
        this(maxTextChars, maxFrameBytes, sendPerSecond, sendBurst, framesPerSecond, frameBurst, floodRefusals,
                DEFAULT_BAD_FRAMES_PER_MINUTE, DEFAULT_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_OUTBOUND_QUEUE_BYTES);
    }

    /** The defaults, for tests and tools that build a configuration in code. */
    public static LimitSettings defaults() {
        return new LimitSettings(4000, 65536, 10, 20, 50, 100, 50);
    }

    public LimitSettings withBadFramesPerMinute(int perMinute) {
        return new LimitSettings(maxTextChars, maxFrameBytes, sendPerSecond, sendBurst, framesPerSecond, frameBurst,
                floodRefusals, perMinute, connectionsPerAddress, maxConnections, outboundQueueBytes);
    }

    public LimitSettings withConnections(int perAddress, int total) {
        return new LimitSettings(maxTextChars, maxFrameBytes, sendPerSecond, sendBurst, framesPerSecond, frameBurst,
                floodRefusals, badFramesPerMinute, perAddress, total, outboundQueueBytes);
    }

    public LimitSettings withOutboundQueueBytes(int bytes) {
        return new LimitSettings(maxTextChars, maxFrameBytes, sendPerSecond, sendBurst, framesPerSecond, frameBurst,
                floodRefusals, badFramesPerMinute, connectionsPerAddress, maxConnections, bytes);
    }
}
