package dev.haven.server.limits;

import dev.haven.server.config.LimitSettings;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many WebSocket connections are open, per network address and in total, against
 * {@code limits.connectionsPerAddress} and {@code limits.maxConnections}. A connection takes a
 * {@link Permit} before its handshake is answered and gives it back when it closes.
 *
 * <p>Thread-safe: connections on every event loop share one limiter. The total is one atomic
 * counter, taken first and given back when the address is full; each address's count changes
 * inside {@link ConcurrentHashMap#compute}, which removes the entry when it drops to zero, so the
 * map holds only addresses with open connections.
 */
public final class ConnectionLimiter {
    /** Why a connection was refused, or that it was not. */
    public enum Outcome { ACCEPTED, ADDRESS_FULL, SERVER_FULL }

    private final int perAddress;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    public ConnectionLimiter(LimitSettings limits) {
        this(limits.connectionsPerAddress(), limits.maxConnections());
    }

    public ConnectionLimiter(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    /** A connection's place, held until {@link #release()}; releasing twice is harmless. */
    public final class Permit {
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String address) {
            this.address = address;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                byAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
                open.decrementAndGet();
            }
        }
    }

    /** The result of {@link #tryAcquire}: a permit when accepted, else null. */
    public record Admission(Outcome outcome, Permit permit) {
    }

    /** Takes a place for one more connection from this address, if there is one. */
    public Admission tryAcquire(String address) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            return new Admission(Outcome.SERVER_FULL, null);
        }
        AtomicBoolean taken = new AtomicBoolean();
        byAddress.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perAddress) {
                return count;
            }
            taken.set(true);
            return current + 1;
        });
        if (!taken.get()) {
            open.decrementAndGet();
            return new Admission(Outcome.ADDRESS_FULL, null);
        }
        return new Admission(Outcome.ACCEPTED, new Permit(address));
    }

    /** Connections holding a permit now. */
    public int open() {
        return open.get();
    }

    /** Connections holding a permit from this address now. */
    public int openFrom(String address) {
        return byAddress.getOrDefault(address, 0);
    }
}
