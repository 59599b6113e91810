package dev.haven.server.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.admin.AdminCluster;
import dev.haven.server.admin.ApiRequest;
import dev.haven.server.admin.ApiResponse;
import dev.haven.server.delivery.FrameRelay;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomExecutor;
import dev.haven.server.room.RoomHandle;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.state.StateWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one node of a cluster: its stores, leases and heartbeat, and the routing of
 * every room ({@link ClusteredRoom}) to the node that owns it (docs/architecture.md).
 *
 * <p><b>Ownership.</b> A room is owned by one node at a time, for a tenure (a lease with its
 * epoch). A node claims a room nobody owns when a request needs it, and every heartbeat claims
 * those nobody owns for which it comes first among the live nodes by rendezvous hashing, so
 * that every room, an empty one too, has an owner to run its timers. A new tenure loads the
 * room from the store ({@link #load}): its log (history, seq, gap) and, one call, its durable
 * state. A tenure ends when its lease is lost (refused by the store, or no longer valid by this
 * node's clock), when a write is fenced, or at a handover. At SIGTERM ({@link #leave}) the node
 * ends every tenure, releases the leases and tells the next node of each room to claim it now.
 *
 * <p><b>Threading.</b> Threads of its own: {@code haven-cluster} (timers: lease renewal,
 * heartbeat and placement, directory, request timeouts, retries), {@code haven-cluster-send}
 * (the outboxes' sends), and the inbox's reader (Lettuce's, or the in-memory bus's). The inbox
 * hands requests to rooms, whose methods only queue tasks on their executors, and events to
 * connections, which queue them. Store futures complete on Lettuce's threads.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    static final Duration LEASE_TTL = Duration.ofSeconds(10);
    static final Duration NODE_TTL = Duration.ofSeconds(10);
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DIRECTORY_PERIOD = Duration.ofSeconds(1);
    /** Every this many directory rounds, an owner publishes its rooms' listings even unchanged. */
    private static final int REPUBLISH_ROUNDS = 30;
    private static final long RETRY_AFTER_MILLIS = 1000;

    private final ClusterStores stores;
    private final RoomRegistry registry;
    private final Supplier<RoomExecutor> threads;
    private final StateWrites stateWrites;
    private final FrameRelay relay;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ObjectMapper results = ProtocolCodec.newMapper();
    private final Map<String, Class<? extends Result>> resultTypes = resultTypes();
    private final ScheduledExecutorService timers;
    private final ExecutorService sender;
    private final LeaseKeeper leases;
    private final LiveNodes nodes;
    private final PendingReplies pending;
    private final NodeCalls calls;
    private final ClusterSupervisors supervisors;
    private final ClusterAdmin admin;
    private final Map<String, ClusteredRoom> rooms = new ConcurrentHashMap<>();
    private final Map<NodeId, NodeOutbox> outboxes = new ConcurrentHashMap<>();
    private final AtomicLong conns = new AtomicLong();
    private volatile Map<String, Listed> listed = Map.of();
    private volatile boolean leaving;
    private int directoryRounds;

    /** A room as the directory lists it. */
    private record Listed(RoomInfo info, int openCheckins) {
    }

    private ClusterNode(ClusterStores stores, RoomRegistry registry, Supplier<RoomExecutor> threads, FrameRelay relay,
                        Clock clock, StateWrites stateWrites) {
        this.stores = stores;
        this.registry = registry;
        this.threads = threads;
        this.stateWrites = stateWrites;
        this.relay = relay;
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("haven-cluster"));
        this.sender = Executors.newSingleThreadExecutor(daemon("haven-cluster-send"));
        this.leases = new LeaseKeeper(stores.leases(), stores.node(), clock, LEASE_TTL, this::leaseLost);
        this.nodes = new LiveNodes(stores.nodes(), stores.node(), NODE_TTL, () -> Set.copyOf(outboxes.keySet()),
                this::nodesGone);
        this.pending = new PendingReplies(timers, FORWARD_TIMEOUT, RETRY_AFTER_MILLIS);
        this.calls = new NodeCalls(stores.bus(), timers, FORWARD_TIMEOUT);
        this.supervisors = new ClusterSupervisors(registry.care().supervisors(), stores.supervisors(), stores.bus(),
                this::others, codec);
        this.admin = new ClusterAdmin(this, calls, registry, this::othersNow);
    }

    /**
     * Joins the cluster these stores belong to (Redis, or an {@link InMemoryCluster} in tests),
     * and routes every room of the registry. The registry's own instances must be on
     * {@link StandbyExecutor}s: a room this node serves is built afresh for each tenure, on a
     * thread of {@code threads}, with its durable state loaded from the store.
     *
     * @param stateWrites where rooms whose state the store did not take are counted ({@code /healthz})
     */
    public static ClusterNode start(ClusterStores stores, RoomRegistry registry, Supplier<RoomExecutor> threads,
                                    FrameRelay relay, Clock clock, StateWrites stateWrites) {
        ClusterNode node = new ClusterNode(stores, registry, threads, relay, clock, stateWrites);
        registry.routeThrough(room -> node.rooms.computeIfAbsent(room.id(), id -> new ClusteredRoom(id, node)));
        registry.care().supervisors().relayThrough(node.supervisors);
        try {
            node.nodes.beat().get(NODE_TTL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("node {} starts without its first heartbeat: {}", node.self(), e.getClass().getSimpleName());
        }
        stores.bus().listen(node.new Inbox());
        node.leases.start(node.timers);
        Duration beat = NODE_TTL.dividedBy(3);
        Periodic.every(node.timers, beat, Duration.ZERO, NODE_TTL, node::heartbeat, log, "heartbeat");
        Periodic.every(node.timers, DIRECTORY_PERIOD, DIRECTORY_PERIOD, FORWARD_TIMEOUT, node::directoryRound, log,
                "directory round");
        log.info("node {} joined the cluster", node.self());
        return node;
    }

    public NodeId self() {
        return stores.node();
    }

    public StoreHealth health() {
        return stores.health();
    }

    /** What the admin API asks of the other nodes. */
    public AdminCluster admin() {
        return admin;
    }

    /**
     * Lets other nodes run admin requests about rooms this node serves, and end a user's sessions
     * here: this node's admin API and server.
     */
    public void serveAdmin(Function<ApiRequest, CompletableFuture<ApiResponse>> handleHere,
                           ToIntFunction<String> endSessions) {
        admin.serve(handleHere, endSessions);
    }

    /**
     * SIGTERM: hands every room this node owns over. Each room's durable state is flushed, each tenure stops (the messages it accepted
     * are in the log already: appends precede the release on the one connection), its lease is
     * released, and the node that comes next for the room is told to claim it now; then this
     * node leaves the directory. Its connections are closed with 1012 by the server after this.
     */
    public CompletableFuture<Void> leave() {
        leaving = true;
        Set<NodeId> successors = others();
        Map<NodeId, List<String>> handed = new HashMap<>();
        List<CompletableFuture<Boolean>> released = new ArrayList<>();
        for (ClusteredRoom room : rooms.values()) {
            RoomTenure tenure = room.tenure();
            if (tenure == null) {
                continue;
            }
            // What the room's state has not kept yet is written first, so the successor loads all of it.
            Room served = tenure.room();
            CompletableFuture<Void> flushed = served == null ? CompletableFuture.completedFuture(null)
                    : served.durableState().flush().orTimeout(FORWARD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .exceptionally(error -> null);
            released.add(flushed.thenCompose(kept -> tenure.stop()).thenCompose(stopped -> {
                room.stepDown(tenure.lease);
                return leases.release(tenure.lease);
            }).exceptionally(error -> false));
            NodeId next = Rendezvous.first(room.id(), successors);
            if (next != null) {
                handed.computeIfAbsent(next, node -> new ArrayList<>()).add(room.id());
            }
        }
        return CompletableFuture.allOf(released.toArray(CompletableFuture[]::new))
                .thenCompose(done -> {
                    List<CompletableFuture<Void>> told = new ArrayList<>();
                    handed.forEach((node, list) -> told.add(stores.bus().send(node,
                            Envelope.encode(new Envelope.Free(list))).exceptionally(error -> null)));
                    log.info("handed {} rooms over to {} nodes", handed.values().stream().mapToInt(List::size).sum(),
                            handed.size());
                    return CompletableFuture.allOf(told.toArray(CompletableFuture[]::new));
                })
                .thenCompose(told -> nodes.leave().exceptionally(error -> null));
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

    /** One heartbeat round now, with placement and the supervisors' round, as the scheduler runs it. */
    CompletableFuture<?> heartbeatNow() {
        return heartbeat();
    }

    /** One lease renewal round now. */
    CompletableFuture<Void> renewNow() {
        return leases.renewAll();
    }

    // ------------------------------------------------------------------ rounds on the scheduler

    /** Says this node is alive, learns who left, claims the rooms that are free and its own, and shares its supervisors. */
    private CompletableFuture<?> heartbeat() {
        return nodes.beat().thenCompose(live -> {
            place(live);
            return supervisors.dutyRound(self(), live);
        });
    }

    /** Placement: the free rooms for which this node comes first among the live nodes are claimed now. */
    void place(Set<NodeId> live) {
        if (leaving || !health().up()) {
            return;
        }
        for (RoomHandle handle : registry.handles()) {
            ClusteredRoom room = rooms.get(handle.id());
            if (room != null && !room.placed(live) && self().equals(Rendezvous.first(room.id(), live))) {
                room.claimIfFree();
            }
        }
    }

    /** Publishes what changed in the rooms this node serves, and reads every room's listing. */
    CompletableFuture<?> directoryRound() {
        boolean always = ++directoryRounds % REPUBLISH_ROUNDS == 0;
        List<RoomListings.Listing> changed = new ArrayList<>();
        List<ClusteredRoom> publishing = new ArrayList<>();
        for (ClusteredRoom room : rooms.values()) {
            room.listing(always, this::json).ifPresent(listing -> {
                changed.add(listing);
                publishing.add(room);
            });
        }
        CompletableFuture<Void> published = stores.listings().publish(changed).exceptionally(error -> {
            publishing.forEach(ClusteredRoom::unpublished);
            return null;
        });
        return published.thenCompose(done -> stores.listings().all()).thenAccept(all -> {
            Map<String, Listed> read = new HashMap<>();
            all.forEach((id, listing) -> {
                try {
                    read.put(id, new Listed(results.readValue(listing.info(), RoomInfo.class), listing.openCheckins()));
                } catch (IOException e) {
                    log.warn("the listing of room {} cannot be read", id);
                }
            });
            listed = read;
        });
    }

    private byte[] json(RoomInfo info) {
        try {
            return results.writeValueAsBytes(info);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a room object", e);
        }
    }

    // ------------------------------------------------------------------ for the rooms

    ClusteredRoom room(String id) {
        return rooms.get(id);
    }

    Collection<ClusteredRoom> rooms() {
        return rooms.values();
    }

    /** The room as the directory last listed it, or null. */
    RoomInfo listed(String room) {
        Listed listing = listed.get(room);
        return listing == null ? null : listing.info();
    }

    /** Whether the directory says the room has no open check-in (as of its last round). */
    boolean listedWithoutCheckins(String room) {
        Listed listing = listed.get(room);
        return listing != null && listing.openCheckins() == 0;
    }

    /** This node's instance of the room, serving or not. */
    Room localInstance(String room) {
        return registry.find(room);
    }

    /** Whether this tenure's lease still holds by this node's clock. */
    boolean holds(Lease lease) {
        return lease.equals(leases.valid(lease.room()));
    }

    CompletableFuture<Optional<Lease>> holder(String room) {
        return stores.leases().holder(room);
    }

    CompletableFuture<Optional<Lease>> claim(String room) {
        if (leaving || !health().up()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return leases.claim(room);
    }

    CompletableFuture<Boolean> alive(NodeId node) {
        if (nodes.current().contains(node)) {
            return CompletableFuture.completedFuture(true);
        }
        return stores.nodes().live().thenApply(live -> live.contains(node));
    }

    /** This tenure is over: the room steps down, and the lease is given up if the store still has it. */
    void lost(Lease lease) {
        ClusteredRoom room = rooms.get(lease.room());
        if (room != null) {
            room.stepDown(lease);
        }
        leases.release(lease).exceptionally(error -> false);
    }

    private void leaseLost(Lease lease) {
        ClusteredRoom room = rooms.get(lease.room());
        if (room != null) {
            room.stepDown(lease);
        }
    }

    /** An archived room: no more tenures of it here. */
    void archived(String roomId) {
        ClusteredRoom room = rooms.remove(roomId);
        RoomTenure tenure = room == null ? null : room.tenure();
        if (tenure != null) {
            lost(tenure.lease);
        }
        stores.listings().remove(roomId).exceptionally(error -> null);
    }

    /**
     * Takes a room over for a new tenure: opens its log (after {@code floorSeq} when the store
     * lost it), reads what it holds, builds the room afresh on an executor of this tenure, and
     * tells every live node who the owner is now, before the room serves anything.
     */
    void load(ClusteredRoom room, RoomTenure tenure, long floorSeq) {
        Lease lease = tenure.lease;
        RoomLog roomLog = stores.log();
        roomLog.open(lease, floorSeq)
                .thenCompose(opened -> roomLog.read(lease.room(), 0))
                .thenCompose(read -> {
                    RoomLog.Held held = read.orElseThrow(() ->
                            new StoreUnavailableException("the log of room " + lease.room() + " is gone", null));
                    TenureExecutor executor = new TenureExecutor(threads.get(), () -> holds(lease), () -> lost(lease));
                    Room fresh = registry.renew(lease.room(), executor);
                    if (fresh == null) {
                        throw new IllegalStateException("room " + lease.room() + " is no longer in the directory");
                    }
                    ClusterJournal journal = new ClusterJournal(roomLog, lease, held.seq(), codec, timers,
                            () -> room.tenure() == tenure && holds(lease), () -> lost(lease));
                    tenure.bind(executor, journal);
                    // The room's durable state (sanctions, session, audit, alerts and their deadlines) first,
                    // in one call; then its messages, whose log's seq is the room's seq from then on.
                    return fresh.durableState().restoreFrom(stores.state(), lease, stateWrites)
                            .thenCompose(restored -> fresh.resume(journal, ClusterJournal.messages(codec,
                                    held.entries()), held.seq(), held.trimmedThrough()))
                            .thenApply(resumed -> fresh);
                })
                .whenComplete((fresh, error) -> {
                    if (error != null) {
                        log.warn("room {} could not be taken over: {}", lease.room(),
                                LuaScript.unwrap(error).getClass().getSimpleName());
                        lost(lease);
                        return;
                    }
                    byte[] owner = Envelope.encode(new Envelope.Owner(lease.room(), lease.epoch()));
                    others().forEach(node -> stores.bus().send(node, owner));
                    room.loaded(tenure, fresh);
                    log.info("took room {} over (epoch {}) at seq {}", lease.room(), lease.epoch(), tenure.lastSeq());
                });
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

    /** The live nodes but this one. */
    Set<NodeId> others() {
        Set<NodeId> others = new HashSet<>(nodes.current());
        others.remove(self());
        return others;
    }

    /**
     * The live nodes but this one as the store has them now (the heartbeats' view may miss a node
     * that started a moment ago); the heartbeats' view when the store does not answer.
     */
    CompletableFuture<Set<NodeId>> othersNow() {
        return stores.nodes().live().handle((live, error) -> {
            Set<NodeId> others = error != null ? others() : new HashSet<>(live);
            others.remove(self());
            return others;
        });
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
                    outbox(from).reply(request.room(), 0, request.conn(), request.req(),
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
                batch.items().forEach(item -> deliver(from, item));
            } else if (envelope instanceof Envelope.Owner owner) {
                ClusteredRoom room = rooms.get(owner.room());
                if (room != null) {
                    room.learn(new Lease(owner.room(), from, owner.epoch()));
                }
            } else if (envelope instanceof Envelope.Free free) {
                free.rooms().forEach(id -> {
                    ClusteredRoom room = rooms.get(id);
                    if (room != null) {
                        room.claimIfFree();
                    }
                });
            } else if (envelope instanceof Envelope.Supervise supervise) {
                supervisors.received(supervise);
            } else if (envelope instanceof Envelope.Call call) {
                calls.received(from, call);
            } else if (envelope instanceof Envelope.Answer answer) {
                calls.answered(answer);
            }
        }

        private void deliver(NodeId from, Envelope.Item item) {
            if (item instanceof Envelope.Event event) {
                ClusteredRoom room = rooms.get(event.room());
                if (room == null || !room.current(from, event.epoch())) {
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
            } catch (IOException e) {
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
