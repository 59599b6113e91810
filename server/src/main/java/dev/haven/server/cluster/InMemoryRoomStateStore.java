package dev.haven.server.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Room state in this process's memory, fenced by an {@link InMemoryRoomLease}. Thread-safe: every method holds the object's lock. */
final class InMemoryRoomStateStore implements RoomStateStore {
    private final InMemoryRoomLease leases;
    private final Map<String, Map<String, byte[]>> rooms = new HashMap<>();

    InMemoryRoomStateStore(InMemoryRoomLease leases) {
        this.leases = leases;
    }

    @Override
    public synchronized CompletableFuture<Void> write(Lease lease, Map<String, byte[]> parts) {
        if (!leases.holds(lease)) {
            return InMemoryRoomLog.fenced(lease);
        }
        Map<String, byte[]> state = rooms.computeIfAbsent(lease.room(), room -> new HashMap<>());
        parts.forEach((name, value) -> {
            if (value.length == 0) {
                state.remove(name);
            } else {
                state.put(name, value.clone());
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> clear(Lease lease) {
        if (!leases.holds(lease)) {
            return InMemoryRoomLog.fenced(lease);
        }
        rooms.remove(lease.room());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Map<String, byte[]>> load(String room) {
        Map<String, byte[]> copy = new HashMap<>();
        rooms.getOrDefault(room, Map.of()).forEach((name, value) -> copy.put(name, value.clone()));
        return CompletableFuture.completedFuture(copy);
    }

    synchronized void clear() {
        rooms.clear();
    }
}
