package dev.haven.server.cluster;

import dev.haven.server.state.InMemoryRoomStateStore;
import dev.haven.server.state.RoomStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A cluster's shared store in this process's memory: the lone node's (one node), and tests'
 * (several nodes in one JVM, with a clock they move). {@link #node} gives each node its view.
 * {@link #setUp} and {@link #clear} play the store going away and coming back empty.
 */
public final class InMemoryCluster {
    private final InMemoryRoomLease leases;
    private final InMemoryRoomLog log;
    private final InMemoryRoomStateStore state;
    private final InMemoryNodeDirectory nodes;
    private final InMemoryRoomListings listings = new InMemoryRoomListings();
    private final InMemorySupervisorBoard supervisors = new InMemorySupervisorBoard();
    private final Map<NodeId, InMemoryNodeBus.Mailbox> hub = InMemoryNodeBus.hub();
    private final Health health = new Health();

    /**
     * @param maxMessages and {@code maxAge}: the bounds of each room's log ({@code history.*})
     */
    public InMemoryCluster(Clock clock, int maxMessages, Duration maxAge) {
        this.leases = new InMemoryRoomLease(clock);
        this.log = new InMemoryRoomLog(leases, clock, maxMessages, maxAge);
        this.state = RoomStateStore.inMemory(fence -> fence instanceof Lease lease && leases.holds(lease) ? null
                : new FencedException(fence.room()));
        this.nodes = new InMemoryNodeDirectory(clock);
    }

    public ClusterStores node(NodeId id) {
        return new ClusterStores(id, health, leases, nodes, log, state, new InMemoryNodeBus(id, hub), listings,
                supervisors, () -> { });
    }

    /** Forgets everything, as a Redis restarted without persistence does. */
    public void clear() {
        leases.clear();
        log.clear();
        state.clear();
        nodes.clear();
        listings.clear();
        supervisors.clear();
    }

    /** Reports the store up or down to the nodes' health listeners (the stores themselves keep working). */
    public void setUp(boolean up) {
        health.set(up);
    }

    /** Memory is always there, unless a test says otherwise. */
    private static final class Health implements StoreHealth {
        private final CopyOnWriteArrayList<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
        private volatile boolean up = true;

        void set(boolean value) {
            if (up != value) {
                up = value;
                listeners.forEach(listener -> listener.accept(value));
            }
        }

        @Override
        public boolean up() {
            return up;
        }

        @Override
        public long retryAfterMillis() {
            return 1000;
        }

        @Override
        public void onChange(Consumer<Boolean> listener) {
            listeners.add(listener);
        }
    }
}
