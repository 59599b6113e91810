package dev.haven.server.cluster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The state of a room that is not what people said, written through by its owner so that a
 * new owner takes over with it: presence (who is connected to which node), sanctions, the
 * waiting room, the session and its rounds and polls, open alerts and the deadlines of their
 * timers. A room's state is a map of named parts, each value encoded by the part that owns
 * it. Writes are fenced like the {@link RoomLog}'s.
 */
public interface RoomStateStore {
    /** Sets each named part; an empty value removes the part. */
    CompletableFuture<Void> write(Lease lease, Map<String, byte[]> parts);

    /** Forgets the room's whole state (a purge). */
    CompletableFuture<Void> clear(Lease lease);

    /** Every part of the room's state: what a new owner loads. */
    CompletableFuture<Map<String, byte[]>> load(String room);
}
