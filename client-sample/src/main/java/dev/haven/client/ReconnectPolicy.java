package dev.haven.client;

import static java.util.Objects.requireNonNull;

import dev.haven.protocol.CloseCode;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a {@link ReconnectingClient} tries again after losing its connection, and how it notices
 * a connection that died without a word.
 *
 * <p>Backoff is exponential with full jitter: before attempt {@code n} (from 1) the client waits
 * a random time between 0 and {@code min(maxDelay, initialDelay × 2^(n-1))}, so clients that
 * lost the same server do not all come back at once. The attempts count again from 1 once a
 * connection has stayed up for {@code stableAfter}; a server that accepts and drops at once
 * keeps the count rising. After {@code maxAttempts} failed attempts in a row the client gives up.
 *
 * <p>While connected the client sends {@code ping} every {@code pingInterval}; a ping (or the
 * {@code hello} of a new connection) not answered within {@code replyTimeout} means the
 * connection is dead, even if the network never said so, and it is dropped and made again.
 *
 * @param maxAttempts how many attempts in a row may fail before giving up; 0 never reconnects
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, Duration stableAfter,
                              Duration pingInterval, Duration replyTimeout) {
    /** 0.5 s doubling up to 30 s, 60 attempts (about a quarter of an hour), ping every 15 s, 10 s to answer. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30),
            60, Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(10));

    public ReconnectPolicy {
        requirePositive(initialDelay, "initialDelay");
        requirePositive(maxDelay, "maxDelay");
        requirePositive(stableAfter, "stableAfter");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(replyTimeout, "replyTimeout");
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least initialDelay");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 or more");
        }
    }

    public ReconnectPolicy withMaxAttempts(int attempts) {
        return new ReconnectPolicy(initialDelay, maxDelay, attempts, stableAfter, pingInterval, replyTimeout);
    }

    public ReconnectPolicy withDelays(Duration initial, Duration max) {
        return new ReconnectPolicy(initial, max, maxAttempts, stableAfter, pingInterval, replyTimeout);
    }

    public ReconnectPolicy withHeartbeat(Duration interval, Duration timeout) {
        return new ReconnectPolicy(initialDelay, maxDelay, maxAttempts, stableAfter, interval, timeout);
    }

    /** The longest wait before attempt {@code attempt} (from 1): {@code min(maxDelay, initialDelay × 2^(attempt-1))}. */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        Duration ceiling = initialDelay;
        for (int i = 1; i < attempt && ceiling.compareTo(maxDelay) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxDelay) < 0 ? ceiling : maxDelay;
    }

    /** The wait before attempt {@code attempt}: uniform between 0 and {@link #ceiling}, to the millisecond. */
    public Duration delay(int attempt, RandomGenerator random) {
        requireNonNull(random, "random");
        return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
    }

    /**
     * Whether a close the client did not ask for is worth reconnecting after. The server
     * refused this client on purpose, and would again, after 4001 (no valid {@code hello}: an
     * invalid or expired token) and any other 4000-4999 code, after 1008 for flooding or too
     * many bad frames, and after 1002, 1003, 1007 and 1009, which answer a frame this client
     * should never have sent: no reconnect. Everything else is a connection that ended, not a
     * refusal: 1000 (the server's heartbeat timeout), 1001 (server shutting down), 1006 (lost
     * without a close frame, or found dead), 1008 {@code slow} (this client fell behind; the
     * catch-up brings back what it missed), 1011 to 1014 and codes this client does not know.
     */
    public static boolean reconnectsAfter(int code, String reason) {
        if (code >= 4000 && code <= 4999) {
            return false;
        }
        if (code == CloseCode.POLICY_VIOLATION.code()) {
            return "slow".equals(reason);
        }
        return code != CloseCode.PROTOCOL_ERROR.code()
                && code != CloseCode.UNSUPPORTED_DATA.code()
                && code != CloseCode.INVALID_PAYLOAD.code()
                && code != CloseCode.MESSAGE_TOO_BIG.code();
    }

    private static void requirePositive(Duration duration, String name) {
        requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
            throw new IllegalArgumentException(name + " must be at least 1 ms");
        }
    }
}
