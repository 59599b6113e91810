package dev.haven.server.cluster;

import dev.haven.server.state.RoomStateStore;

/**
 * What one node of a cluster uses of the shared store, each behind its small interface: Redis
 * when {@code cluster.redis.uri} is set ({@link RedisStores#connect}), memory for the lone node
 * and for tests ({@link InMemoryCluster}). Closing it closes the connections it owns.
 */
public record ClusterStores(NodeId node, StoreHealth health, RoomLease leases, NodeDirectory nodes, RoomLog log,
                            RoomStateStore state, NodeBus bus, RoomListings listings, SupervisorBoard supervisors,
                            AutoCloseable resources) implements AutoCloseable {
    @Override
    public void close() {
        bus.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the cluster's store", e);
        }
    }
}
