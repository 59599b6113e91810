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
 *
 * <p>Each budget is a token bucket: it holds up to its burst and gains its rate every second.
 * The four are kept as four numbers refilled together from one reading of the clock, rather
 * than as four bucket objects: one guard per connection, ten thousand connections, and most of
 * them idle. Refilling a bucket early changes nothing, since a bucket never holds more than its
 * burst either way.
 */
public final class FloodGuard {
    private static final double REFUSAL_WINDOW_SECONDS = 10;
    private static final double NANOS_PER_SECOND = 1e9;

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

    private final LimitSettings limits;
    private final LongSupplier nanoTime;
    private long refilledAt;
    private double sends;
    private double frames;
    private double refusals;
    private double badFrames;

    public FloodGuard(LimitSettings limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.refilledAt = nanoTime.getAsLong();
        this.sends = limits.sendBurst();
        this.frames = limits.frameBurst();
        this.refusals = limits.floodRefusals();
        this.badFrames = limits.badFramesPerMinute();
    }

    /** Every text frame, before it is handled. */
    public Verdict onFrame() {
        refill();
        if (frames >= 1) {
            frames -= 1;
            return ALLOW;
        }
        return refuse(frames, perNano(limits.framesPerSecond()));
    }

    /** Every {@code send} request. */
    public Verdict onSend() {
        refill();
        if (sends >= 1) {
            sends -= 1;
            return ALLOW;
        }
        return refuse(sends, perNano(limits.sendPerSecond()));
    }

    /** Every frame that got {@code bad_request} or {@code unknown_type}: allowed, or close. */
    public Verdict onBadFrame() {
        refill();
        if (badFrames >= 1) {
            badFrames -= 1;
            return ALLOW;
        }
        return CLOSE;
    }

    private Verdict refuse(double tokensLeft, double perNano) {
        if (refusals < 1) {
            return CLOSE;
        }
        refusals -= 1;
        double missing = Math.max(0, 1 - tokensLeft);
        return new Refuse(Math.max(1, (long) Math.ceil(missing / perNano / 1e6)));
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - refilledAt;
        refilledAt = now;
        sends = refilled(sends, elapsed, limits.sendPerSecond(), limits.sendBurst());
        frames = refilled(frames, elapsed, limits.framesPerSecond(), limits.frameBurst());
        refusals = refilled(refusals, elapsed, limits.floodRefusals() / REFUSAL_WINDOW_SECONDS, limits.floodRefusals());
        badFrames = refilled(badFrames, elapsed, limits.badFramesPerMinute() / 60.0, limits.badFramesPerMinute());
    }

    private static double refilled(double tokens, long elapsedNanos, double perSecond, int burst) {
        return Math.min(burst, tokens + elapsedNanos * perNano(perSecond));
    }

    private static double perNano(double perSecond) {
        return perSecond / NANOS_PER_SECOND;
    }
}
