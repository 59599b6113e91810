package dev.haven.server.cluster;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which nodes are alive. Each node says so at least once per time to live; a node that stops
 * saying so (it died, or lost its store) is gone when that time runs out, and the rooms it
 * owned and the members connected to it are taken care of by the others.
 */
public interface NodeDirectory {
    /** This node is alive for {@code ttl} more: completes with every live node, this one included. */
    CompletableFuture<Set<NodeId>> beat(NodeId self, Duration ttl);

    CompletableFuture<Set<NodeId>> live();

    /** This node stops (SIGTERM): it is gone at once. */
    CompletableFuture<Void> leave(NodeId self);
}
