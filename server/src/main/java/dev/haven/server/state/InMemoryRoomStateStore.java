package dev.haven.server.state;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Room state in this process's memory: the tests', the tools', and the in-memory cluster's
 * (fenced by its in-memory leases). Thread-safe: every method holds the object's lock.
 */
public final class InMemoryRoomStateStore implements RoomStateStore {
    private final Function<Fence, RuntimeException> refusal;
    private final Map<String, Map<String, byte[]>> rooms = new HashMap<>();

    /** @param refusal the failure of a write with this fence, or null when it holds */
    InMemoryRoomStateStore(Function<Fence, RuntimeException> refusal) {
        this.refusal = refusal;
    }

    @Override
    public synchronized CompletableFuture<Void> write(Fence fence, Map<String, byte[]> parts) {
        RuntimeException refused = refusal.apply(fence);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        Map<String, byte[]> state = rooms.computeIfAbsent(fence.room(), room -> new HashMap<>());
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
    public synchronized CompletableFuture<Void> clear(Fence fence) {
        RuntimeException refused = refusal.apply(fence);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        rooms.remove(fence.room());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Map<String, byte[]>> load(String room) {
        Map<String, byte[]> copy = new HashMap<>();
        rooms.getOrDefault(room, Map.of()).forEach((name, value) -> copy.put(name, value.clone()));
        return CompletableFuture.completedFuture(copy);
    }

    /** Forgets every room, as a Redis restarted without persistence does. */
    public synchronized void clear() {
        rooms.clear();
    }
}
