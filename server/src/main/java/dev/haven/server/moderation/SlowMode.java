package dev.haven.server.moderation;

import java.util.HashMap;
import java.util.Map;

/**
 * When each member last had a message accepted, so slow mode can count from it, also from a
 * message sent before slow mode was switched on. Entries older than the longest slow mode are
 * dropped by {@link #purge}.
 */
public final class SlowMode {
    private final long maxIntervalMillis;
    private final Map<String, Long> lastAcceptedAt = new HashMap<>();

    public SlowMode(long maxIntervalSeconds) {
        this.maxIntervalMillis = maxIntervalSeconds * 1000;
    }

    public void accepted(String userId, long nowMillis) {
        lastAcceptedAt.put(userId, nowMillis);
    }

    /** Milliseconds until the member may send again under an interval, 0 when it may now. */
    public long retryAfterMillis(String userId, int intervalSeconds, long nowMillis) {
        Long last = lastAcceptedAt.get(userId);
        if (intervalSeconds <= 0 || last == null) {
            return 0;
        }
        return Math.max(0, last + intervalSeconds * 1000L - nowMillis);
    }

    public void purge(long nowMillis) {
        lastAcceptedAt.values().removeIf(last -> last + maxIntervalMillis <= nowMillis);
    }

    public void clear() {
        lastAcceptedAt.clear();
    }
}
