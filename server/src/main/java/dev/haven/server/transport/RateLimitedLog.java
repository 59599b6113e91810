package dev.haven.server.transport;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * One kind of log line that remote peers can cause (a reset in the middle of a request, a
 * flood, a reader that stops reading), written at most {@code perMinute} times a minute
 * however many peers cause it: remote input must not control how much the server logs. The
 * first line after a quiet spell says how many were left out ({@code suppressed=N}).
 *
 * <p>Thread-safe: connections on every event loop share one instance; the count is kept under
 * the instance's lock, which is held for a few arithmetic steps, never while logging.
 */
final class RateLimitedLog {
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger logger;
    private final Level level;
    private final int perMinute;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int written;
    private long suppressed;

    RateLimitedLog(Logger logger, Level level, int perMinute) {
        this(logger, level, perMinute, System::nanoTime);
    }

    RateLimitedLog(Logger logger, Level level, int perMinute, LongSupplier nanoTime) {
        this.logger = logger;
        this.level = level;
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /** Logs {@code format} with {@code args}, or counts it as suppressed when this minute's lines are used up. */
    void log(String format, Object... args) {
        long leftOut;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (now - windowStart >= WINDOW_NANOS) {
                windowStart = now;
                written = 0;
            }
            if (written >= perMinute) {
                suppressed++;
                return;
            }
            written++;
            leftOut = suppressed;
            suppressed = 0;
        }
        if (!logger.isEnabledForLevel(level)) {
            return;
        }
        if (leftOut == 0) {
            logger.atLevel(level).log(format, args);
        } else {
            Object[] withCount = java.util.Arrays.copyOf(args, args.length + 1);
            withCount[args.length] = leftOut;
            logger.atLevel(level).log(format + " suppressed={}", withCount);
        }
    }
}
