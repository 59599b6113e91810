package dev.haven.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Live nodes in this process's memory, lapsing by the injected clock. Thread-safe: every method holds the object's lock. */
final class InMemoryNodeDirectory implements NodeDirectory {
    private final Clock clock;
    private final Map<NodeId, Long> expiresAt = new HashMap<>();

    InMemoryNodeDirectory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CompletableFuture<Set<NodeId>> beat(NodeId self, Duration ttl) {
        expiresAt.put(self, clock.millis() + ttl.toMillis());
        return live();
    }

    @Override
    public synchronized CompletableFuture<Set<NodeId>> live() {
        long now = clock.millis();
        expiresAt.values().removeIf(expiry -> expiry <= now);
        return CompletableFuture.completedFuture(Set.copyOf(expiresAt.keySet()));
    }

    @Override
    public synchronized CompletableFuture<Void> leave(NodeId self) {
        expiresAt.remove(self);
        return CompletableFuture.completedFuture(null);
    }

    synchronized void clear() {
        expiresAt.clear();
    }
}
