package dev.haven.server.state;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The state of a room that is not what people said, written through by the node that runs the
 * room so that it outlives the process: kept by the lone node in its state directory
 * ({@link StateDirectory#roomStateStore}), and by a cluster in Redis, where a new owner loads it
 * when it takes the room over. What the parts hold is the room's business
 * ({@code dev.haven.server.room.DurableState}): sanctions, the audit log, settings changed at run
 * time, the session, open alerts and their deadlines. Never message text.
 *
 * <p>A room's state is a map of named parts, each value encoded by the part that owns it. Every
 * write carries a {@link Fence} and is refused unless it still holds (in a cluster with
 * {@code FencedException}); a store that cannot be reached fails the future (in a cluster with
 * {@code StoreUnavailableException}; the state directory with an {@link java.io.UncheckedIOException}).
 * Every call returns at once; a caller hops back to its own executor before it touches its state.
 */
public interface RoomStateStore {
    /** Sets each named part; an empty value removes the part. */
    CompletableFuture<Void> write(Fence fence, Map<String, byte[]> parts);

    /** Forgets the room's whole state (its room was archived). */
    CompletableFuture<Void> clear(Fence fence);

    /** Every part of the room's state: what a restarted node, or a new owner, loads. */
    CompletableFuture<Map<String, byte[]>> load(String room);

    /** A store in this process's memory that every fence passes: for tests and tools. */
    static RoomStateStore inMemory() {
        return new InMemoryRoomStateStore(fence -> null);
    }

    /**
     * A store in this process's memory, fenced as {@code refusal} says: the failure a write with
     * that fence gets, or null when the fence holds (a cluster's in-memory leases).
     */
    static InMemoryRoomStateStore inMemory(Function<Fence, RuntimeException> refusal) {
        return new InMemoryRoomStateStore(refusal);
    }
}
