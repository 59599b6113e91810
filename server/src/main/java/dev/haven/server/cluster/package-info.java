/**
 * Haven across several processes ("nodes") sharing one Redis: the design is in
 * {@code docs/architecture.md}. This package owns Lettuce; nothing outside it imports Redis.
 *
 * <p>Each concern is a small interface named by its role, with an in-memory implementation
 * (the lone node's, and tests') beside the Redis one, Centrifuge-style: {@link
 * dev.haven.server.cluster.RoomLease} (who owns a room, with fencing epochs), {@link
 * dev.haven.server.cluster.RoomLog} (a room's accepted messages, durable before {@code ok}),
 * {@link dev.haven.server.state.RoomStateStore} (a room's other state, written through: the
 * interface and its in-memory twin are the state package's, beside the state directory's),
 * {@link dev.haven.server.cluster.NodeDirectory} (which nodes are alive), {@link
 * dev.haven.server.cluster.NodeBus} (ordered node-to-node messages) and {@link
 * dev.haven.server.cluster.StoreHealth}. {@link dev.haven.server.cluster.ClusterStores} bundles
 * one node's set: {@link dev.haven.server.cluster.RedisStores#connect} or
 * {@link dev.haven.server.cluster.InMemoryCluster#node}. {@link
 * dev.haven.server.cluster.LeaseKeeper} and {@link dev.haven.server.cluster.LiveNodes} keep a
 * node's leases and heartbeat going.
 *
 * <p><b>Threading.</b> Every store call returns a {@link java.util.concurrent.CompletableFuture}
 * and never blocks. Redis futures complete on Lettuce's I/O threads, in-memory ones at once on
 * the caller's: a caller hops to its own executor (a room's) before it touches its state.
 * Failures: {@link dev.haven.server.cluster.StoreUnavailableException} when the store cannot
 * be reached (answer {@code unavailable}), {@link dev.haven.server.cluster.FencedException}
 * when the caller no longer owns the room (stop acting for it).
 */
package dev.haven.server.cluster;
