package dev.haven.server.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.delivery.FrameRelay;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.RoomRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one node of a cluster: its stores, its leases and heartbeat, and the routing
 * of every room ({@link ClusteredRoom}) to the node that owns it. A room is owned by the first
 * node that needs it and claims its lease; other nodes forward to it.
 *
 * <p>This is the first part of {@code docs/architecture.md}: requests, replies and events go
 * across nodes; the room's messages and state are not yet written through to Redis, so a room
 * whose owner dies starts over on its next owner.
 *
 * <p><b>Threading.</b> Three threads of its own: {@code haven-cluster} (timers: lease renewal,
 * heartbeat, request timeouts), {@code haven-cluster-send} (the outboxes' sends), and the
 * inbox's reader (Lettuce's, or the in-memory bus's). The inbox hands requests to rooms, whose
 * methods only queue tasks on their executors, and events to connections, which queue them.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    static final Duration LEASE_TTL = Duration.ofSeconds(10);
    static final Duration NODE_TTL = Duration.ofSeconds(10);
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    private static final long RETRY_AFTER_MILLIS = 1000;

    private final ClusterStores stores;
    private final FrameRelay relay;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ObjectMapper results = ProtocolCodec.newMapper();
    private final Map<String, Class<? extends Result>> resultTypes = resultTypes();
    private final ScheduledExecutorService timers;
    private final ExecutorService sender;
    private final LeaseKeeper leases;
    private final LiveNodes nodes;
    private final PendingReplies pending;
    private final Map<String, ClusteredRoom> rooms = new ConcurrentHashMap<>();
    private final Map<NodeId, NodeOutbox> outboxes = new ConcurrentHashMap<>();
    private final AtomicLong conns = new AtomicLong();

    private ClusterNode(ClusterStores stores, FrameRelay relay, Clock clock) {
        this.stores = stores;
        this.relay = relay;
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("haven-cluster"));
        this.sender = Executors.newSingleThreadExecutor(daemon("haven-cluster-send"));
        this.leases = new LeaseKeeper(stores.leases(), stores.node(), clock, LEASE_TTL,
                lease -> log.warn("room {} is no longer owned by this node", lease.room()));
        this.nodes = new LiveNodes(stores.nodes(), stores.node(), NODE_TTL, () -> Set.copyOf(outboxes.keySet()),
                this::nodesGone);
        this.pending = new PendingReplies(timers, FORWARD_TIMEOUT, RETRY_AFTER_MILLIS);
    }

    /** Joins the cluster of {@code config.cluster()}: connects to Redis, and routes every room of the registry. */
    public static ClusterNode start(HavenConfig config, RoomRegistry registry, FrameRelay relay, Clock clock) {
        ClusterStores stores = RedisStores.connect(config.cluster().redis(), NodeId.random(),
                config.history().maxMessages(), Duration.ofSeconds(config.history().maxAgeSeconds()));
        return start(stores, registry, relay, clock);
    }

    /** Joins the cluster these stores belong to (Redis, or an {@link InMemoryCluster} in tests). */
    public static ClusterNode start(ClusterStores stores, RoomRegistry registry, FrameRelay relay, Clock clock) {
        ClusterNode node = new ClusterNode(stores, relay, clock);
        registry.routeThrough(room -> node.rooms.computeIfAbsent(room.id(), id -> new ClusteredRoom(room, node)));
        try {
            node.nodes.beat().get(NODE_TTL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("node {} starts without its first heartbeat: {}", node.self(), e.getClass().getSimpleName());
        }
        node.nodes.start(node.timers);
        node.leases.start(node.timers);
        stores.bus().listen(node.new Inbox());
        log.info("node {} joined the cluster", node.self());
        return node;
    }

    public NodeId self() {
        return stores.node();
    }

    public StoreHealth health() {
        return stores.health();
    }

    /** SIGTERM: gives every room up at once and leaves the node directory, so others take over now. */
    public CompletableFuture<Void> leave() {
        return leases.releaseAll().exceptionally(error -> null)
                .thenCompose(released -> nodes.leave().exceptionally(error -> null));
    }

    @Override
    public void close() {
        leases.close();
        nodes.close();
        timers.shutdownNow();
        sender.shutdownNow();
        stores.close();
    }

    /** One heartbeat now, as the scheduler does every third of the node's time to live (tests move a clock). */
    CompletableFuture<Set<NodeId>> beatNow() {
        return nodes.beat();
    }

    /** One lease renewal round now. */
    CompletableFuture<Void> renewNow() {
        return leases.renewAll();
    }

    // For the rooms.

    boolean owns(String room) {
        return leases.valid(room) != null;
    }

    /** The live node that owns the room: another node, or this one once it claimed the room. */
    CompletableFuture<NodeId> resolveOwner(String room) {
        return stores.leases().holder(room).thenCompose(holder -> {
            if (holder.isEmpty()) {
                return leases.claim(room).thenCompose(claimed -> claimed.isPresent()
                        ? CompletableFuture.completedFuture(self())
                        : resolveAgain(room));
            }
            NodeId node = holder.get().node();
            if (node.equals(self())) {
                // Claimed by this node a moment ago, or a lease it no longer counts as valid (let it lapse).
                return CompletableFuture.completedFuture(leases.valid(room) != null ? self() : null);
            }
            return alive(node).thenApply(alive -> alive ? node : null);
        });
    }

    private CompletableFuture<NodeId> resolveAgain(String room) {
        return stores.leases().holder(room).thenApply(holder -> holder.map(Lease::node).orElse(null));
    }

    private CompletableFuture<Boolean> alive(NodeId node) {
        if (nodes.current().contains(node)) {
            return CompletableFuture.completedFuture(true);
        }
        return stores.nodes().live().thenApply(live -> live.contains(node));
    }

    long nextConn() {
        return conns.incrementAndGet();
    }

    ProtocolCodec codec() {
        return codec;
    }

    ErrorReply unavailable(String requestId) {
        return PendingReplies.unavailable(requestId, stores.health().up() ? RETRY_AFTER_MILLIS
                : stores.health().retryAfterMillis());
    }

    void forward(NodeId to, String room, long conn, Session session, ClientMessage request,
                 Consumer<ServerMessage> reply) {
        long req = pending.add(request.id(), reply);
        byte[] json = codec.encodeToString(request).getBytes(StandardCharsets.UTF_8);
        stores.bus().send(to, Envelope.encode(new Envelope.Request(room, conn, req, session.identity(),
                session.remoteAddress(), json))).whenComplete((sent, error) -> {
                    if (error != null) {
                        pending.fail(req);
                    }
                });
    }

    void sendDisconnect(NodeId to, String room, long conn) {
        stores.bus().send(to, Envelope.encode(new Envelope.Disconnect(room, conn)));
    }

    NodeOutbox outbox(NodeId to) {
        return outboxes.computeIfAbsent(to, node -> new NodeOutbox(node, stores.bus(), sender, relay, codec, results));
    }

    private void nodesGone(Set<NodeId> gone) {
        for (NodeId node : gone) {
            outboxes.remove(node);
            rooms.values().forEach(room -> room.nodeGone(node));
        }
    }

    /** What other nodes send this one, in order per sender. */
    private final class Inbox implements NodeBus.Inbox {
        @Override
        public void received(NodeId from, byte[] payload) {
            Object envelope = Envelope.decode(payload);
            if (envelope instanceof Envelope.Request request) {
                ClusteredRoom room = rooms.get(request.room());
                if (room == null) {
                    outbox(from).reply(request.room(), request.conn(), request.req(),
                            ErrorReply.of(null, ErrorCode.NOT_FOUND, "no room with that id"));
                } else {
                    room.fromRemote(from, request);
                }
            } else if (envelope instanceof Envelope.Disconnect disconnect) {
                ClusteredRoom room = rooms.get(disconnect.room());
                if (room != null) {
                    room.remoteDisconnected(from, disconnect.conn());
                }
            } else if (envelope instanceof Envelope.Batch batch) {
                batch.items().forEach(this::deliver);
            }
        }

        private void deliver(Envelope.Item item) {
            if (item instanceof Envelope.Event event) {
                ClusteredRoom room = rooms.get(event.room());
                if (room == null) {
                    return;
                }
                OutboundFrame frame = relay.frame(event.json());
                try {
                    room.deliver(event.conns(), frame);
                } finally {
                    frame.release();
                }
            } else if (item instanceof Envelope.OkReply ok) {
                pending.complete(ok.req(), requestId -> new Ok(requestId, result(ok)));
            } else if (item instanceof Envelope.ErrorItem error) {
                pending.complete(error.req(), requestId -> new ErrorReply(requestId, ErrorCode.fromWire(error.code()),
                        error.message(), error.retryAfterMs() < 0 ? null : error.retryAfterMs()));
            }
        }

        private Result result(Envelope.OkReply ok) {
            Class<? extends Result> type = resultTypes.get(ok.result());
            if (type == null) {
                throw new IllegalStateException("an ok reply with an unknown result " + ok.result());
            }
            if (type == EmptyResult.class) {
                return EmptyResult.INSTANCE;
            }
            try {
                return results.readValue(ok.json(), type);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read a " + ok.result(), e);
            }
        }

        @Override
        public void lost(NodeId from) {
            rooms.values().forEach(room -> room.resync(from));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Result>> resultTypes() {
        Map<String, Class<? extends Result>> types = new HashMap<>();
        for (Class<?> type : Result.class.getPermittedSubclasses()) {
            types.put(type.getSimpleName(), (Class<? extends Result>) type);
        }
        return Map.copyOf(types);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
