package dev.haven.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Leases in this process's memory: the lone node's, and the nodes of an {@link InMemoryCluster}
 * in tests. Lapses by the injected clock. Thread-safe: every method holds the object's lock.
 */
final class InMemoryRoomLease implements RoomLease {
    private final Clock clock;
    private final Map<String, Held> held = new HashMap<>();
    private final Map<String, Long> epochs = new HashMap<>();

    private record Held(Lease lease, long expiresAt) {
    }

    InMemoryRoomLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CompletableFuture<Optional<Lease>> acquire(String room, NodeId node, Duration ttl) {
        if (current(room) != null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // Counters start from the time, as in Redis, so that epochs grow across a clear().
        Lease lease = new Lease(room, node, epochs.merge(room, clock.millis() + 1, (last, start) -> last + 1));
        held.put(room, new Held(lease, clock.millis() + ttl.toMillis()));
        return CompletableFuture.completedFuture(Optional.of(lease));
    }

    @Override
    public synchronized CompletableFuture<Boolean> renew(Lease lease, Duration ttl) {
        boolean holds = lease.equals(current(lease.room()));
        if (holds) {
            held.put(lease.room(), new Held(lease, clock.millis() + ttl.toMillis()));
        }
        return CompletableFuture.completedFuture(holds);
    }

    @Override
    public synchronized CompletableFuture<Boolean> release(Lease lease) {
        boolean holds = lease.equals(current(lease.room()));
        if (holds) {
            held.remove(lease.room());
        }
        return CompletableFuture.completedFuture(holds);
    }

    @Override
    public synchronized CompletableFuture<Optional<Lease>> holder(String room) {
        return CompletableFuture.completedFuture(Optional.ofNullable(current(room)));
    }

    /** Whether this lease holds its room now: the fence of the in-memory stores. */
    synchronized boolean holds(Lease lease) {
        return lease.equals(current(lease.room()));
    }

    /** Forgets every lease and epoch, as a Redis restarted empty does. */
    synchronized void clear() {
        held.clear();
        epochs.clear();
    }

    private Lease current(String room) {
        Held h = held.get(room);
        if (h == null || clock.millis() >= h.expiresAt) {
            held.remove(room);
            return null;
        }
        return h.lease;
    }
}
