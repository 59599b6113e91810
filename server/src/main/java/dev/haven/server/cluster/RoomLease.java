package dev.haven.server.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who owns each room: at most one node at a time holds a room's lease, for a time to live it
 * renews. Futures complete on an arbitrary thread, exceptionally with
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface RoomLease {
    /** Claims the room if nobody holds it: the new lease, or empty when another node holds it. */
    CompletableFuture<Optional<Lease>> acquire(String room, NodeId node, Duration ttl);

    /** @return true when renewed; false when this lease no longer holds the room */
    CompletableFuture<Boolean> renew(Lease lease, Duration ttl);

    /** Gives the room up, if this lease still holds it, so another node can claim it at once. */
    CompletableFuture<Boolean> release(Lease lease);

    /** The lease holding the room now, if any. */
    CompletableFuture<Optional<Lease>> holder(String room);
}
