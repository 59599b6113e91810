package dev.haven.server.limits;

import dev.haven.server.config.LimitSettings;
import java.util.function.LongSupplier;

/**
 * One connection's rate limits: {@code send} requests ({@code limits.sendPerSecond}, burst
 * {@code limits.sendBurst}), all frames together ({@code limits.framesPerSecond}, burst
 * {@code limits.frameBurst}), and how often it may be refused: a connection refused more
 * than {@code limits.floodRefusals} times within 10 seconds keeps flooding well past its
 * limits and is to be closed with 1008. Bad frames (answered {@code bad_request} or
 * {@code unknown_type}) have their own budget, {@code limits.badFramesPerMinute}, refilled
 * evenly over a minute; the frame past it closes the connection with 1008. Used on the
 * connection's thread only.
 */
public final class FloodGuard {
    private static final double REFUSAL_WINDOW_SECONDS = 10;

    /** What to do with one frame or request. */
    public sealed interface Verdict permits Allow, Refuse, Close {
    }

    public record Allow() implements Verdict {
    }

    /** Answer {@code rate_limited}, with the time after which a retry would pass. */
    public record Refuse(long retryAfterMs) implements Verdict {
    }

    /** Close the connection with 1008. */
    public record Close() implements Verdict {
    }

    private static final Allow ALLOW = new Allow();
    private static final Close CLOSE = new Close();

    private final TokenBucket sends;
    private final TokenBucket frames;
    private final TokenBucket refusals;
    private final TokenBucket badFrames;

    public FloodGuard(LimitSettings limits, LongSupplier nanoTime) {
        this.sends = new TokenBucket(limits.sendPerSecond(), limits.sendBurst(), nanoTime);
        this.frames = new TokenBucket(limits.framesPerSecond(), limits.frameBurst(), nanoTime);
        this.refusals = new TokenBucket(limits.floodRefusals() / REFUSAL_WINDOW_SECONDS, limits.floodRefusals(),
                nanoTime);
        this.badFrames = new TokenBucket(limits.badFramesPerMinute() / 60.0, limits.badFramesPerMinute(), nanoTime);
    }

    /** Every text frame, before it is handled. */
    public Verdict onFrame() {
        return frames.tryTake() ? ALLOW : refuse(frames);
    }

    /** Every {@code send} request. */
    public Verdict onSend() {
        return sends.tryTake() ? ALLOW : refuse(sends);
    }

    /** Every frame that got {@code bad_request} or {@code unknown_type}: allowed, or close. */
    public Verdict onBadFrame() {
        return badFrames.tryTake() ? ALLOW : CLOSE;
    }

    private Verdict refuse(TokenBucket bucket) {
        return refusals.tryTake() ? new Refuse(bucket.millisUntilNext()) : CLOSE;
    }
}
