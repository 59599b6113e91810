package dev.haven.server.limits;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens and gains {@code perSecond} a second.
 * Not thread-safe; each belongs to one connection and is used on its thread.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double perSecond, int capacity, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes a token if one is there. */
    public boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token, in whole milliseconds, at least 1. */
    public long millisUntilNext() {
        refill();
        double missing = Math.max(0, 1 - tokens);
        return Math.max(1, (long) Math.ceil(missing / perNano / 1e6));
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }
}
