package dev.haven.server.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * How often one address may call the admin API: a token bucket of {@value #BURST} calls refilled
 * at {@value #PER_SECOND} a second, checked before the token is, so guessing tokens is as slow as
 * anything else. Buckets live in a bounded Caffeine cache and are forgotten after ten idle minutes.
 * Each bucket is guarded by its own monitor; calls are rare.
 */
final class AdminRateLimit {
    static final int PER_SECOND = 5;
    static final int BURST = 20;

    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    AdminRateLimit(Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .ticker(ticker)
                .build();
    }

    /** @return 0 when the call may go ahead, else how long to wait (ms) */
    long take(String address) {
        return buckets.get(address, a -> new Bucket(ticker.read())).take(ticker.read());
    }

    private static final class Bucket {
        private double tokens = BURST;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(BURST, tokens + (now - refilledAt) / 1e9 * PER_SECOND);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / PER_SECOND * 1000);
        }
    }
}
