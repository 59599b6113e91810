package dev.haven.server.cluster;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListCheckins;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.CheckinsResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomHandle;
import dev.haven.server.session.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One room as one node of a cluster reaches it. While this node owns the room (a
 * {@link RoomTenure}), requests go to the tenure's {@link Room}, and connections of other nodes
 * take part through {@link RemoteSession}s. Otherwise requests are forwarded to the owner, and
 * its replies and events come back in {@link Envelope.Batch}es for this node's connections;
 * a room nobody owns is claimed, and taken over from the store.
 *
 * <p><b>Tenures and epochs.</b> Each tenure has an epoch, and the room keeps the newest epoch
 * this node heard of (from the lease in the store, an {@link Envelope.Owner} or an item of a
 * batch). What an older tenure still sends is dropped. When a newer tenure appears, this node's
 * connections that were in the room through an older one (through another node, or through
 * this node's own ended tenure) are not in the new tenure's room: they are closed with 1012,
 * and rejoin at once with {@code since}. While the store is unreachable, no new tenure can
 * appear, so connections stay open and requests are answered {@code unavailable}.
 *
 * <p><b>Threading.</b> Called from connections' threads (requests), the inbox thread (what
 * other nodes send) and the cluster's scheduler. The maps are concurrent; each request of a
 * connection is forwarded only after the previous one was answered (the connection keeps one
 * request in flight), so a connection's requests reach the owner in order.
 */
final class ClusteredRoom implements RoomHandle {
    private final String id;
    private final ClusterNode cluster;
    private volatile RoomTenure tenure;
    /** The newest tenure's epoch this node heard of; it never goes down. */
    private final AtomicLong newestEpoch = new AtomicLong();
    /** The owner when it is another node, as last learned; null when unknown. */
    private volatile Lease owner;
    /** This node's connections in the room through another node's tenure. */
    private final Map<Session, Via> viaOwner = new ConcurrentHashMap<>();
    private final Map<Long, Session> byConn = new ConcurrentHashMap<>();
    /** This node's connections that were in the room in one of its own tenures that ended, by its epoch. */
    private final Map<Session, Long> orphans = new ConcurrentHashMap<>();
    /** The highest seq this node knows the room reached: where a log the store lost starts again. */
    private volatile long lastSeq;
    private volatile RoomInfo published;
    private volatile int publishedCheckins = -1;
    private volatile int openCheckins;

    private record Via(long conn, Lease owner) {
    }

    ClusteredRoom(String id, ClusterNode cluster) {
        this.id = id;
        this.cluster = cluster;
    }

    @Override
    public String id() {
        return id;
    }

    /** The room as its owner last showed it: live here, from the directory when another node owns it. */
    @Override
    public RoomInfo info() {
        Room serving = servingRoom();
        if (serving != null) {
            return serving.info();
        }
        RoomInfo listed = cluster.listed(id);
        return listed != null ? listed : cluster.localInstance(id).info();
    }

    @Override
    public void join(Session session, Join request, Consumer<ServerMessage> reply) {
        route(session, request, reply, (room, answer) -> room.join(session, request, answer));
    }

    @Override
    public void leave(Session session, String requestId, Consumer<ServerMessage> reply) {
        route(session, new Leave(requestId, id), reply, (room, answer) -> room.leave(session, requestId, answer));
    }

    @Override
    public void send(Session session, Send request, Consumer<ServerMessage> reply) {
        route(session, request, reply, (room, answer) -> room.send(session, request, answer));
    }

    @Override
    public void command(Session session, RoomRequest request, Consumer<ServerMessage> reply) {
        route(session, request, reply, (room, answer) -> room.command(session, request, answer));
    }

    @Override
    public void checkin(Session session, CheckinRequest request, Consumer<ServerMessage> reply) {
        route(session, request, reply, (room, answer) -> room.checkin(session, request, answer));
    }

    @Override
    public void listCheckins(Session session, Consumer<List<CheckinInfo>> result) {
        RoomTenure here = tenure;
        if (here == null && cluster.listedWithoutCheckins(id)) {
            result.accept(List.of());
            return;
        }
        route(session, new ListCheckins("checkins", id), answer -> result.accept(
                        answer instanceof Ok ok && ok.result() instanceof CheckinsResult found ? found.checkins() : List.of()),
                (room, answer) -> room.listCheckins(session, found -> answer.accept(
                        new Ok("checkins", new CheckinsResult(found)))));
    }

    @Override
    public void disconnect(Session session) {
        Via via = viaOwner.remove(session);
        if (via != null) {
            byConn.remove(via.conn());
            cluster.sendDisconnect(via.owner().node(), id, via.conn());
        }
        orphans.remove(session);
        RoomTenure here = tenure;
        if (here != null) {
            here.leftHere(session);
            here.ready.thenAccept(room -> room.disconnect(session));
        }
    }

    private void route(Session session, ClientMessage request, Consumer<ServerMessage> reply,
                       BiConsumer<Room, Consumer<ServerMessage>> locally) {
        if (!cluster.health().up()) {
            reply.accept(cluster.unavailable(request.id()));
            return;
        }
        RoomTenure here = tenure;
        if (here != null && cluster.holds(here.lease)) {
            serve(here, session, request, reply, locally);
            return;
        }
        Lease known = owner;
        if (here == null && known != null) {
            forward(known, session, request, reply);
            return;
        }
        locate().whenComplete((target, error) -> {
            if (error != null || target == null) {
                reply.accept(cluster.unavailable(request.id()));
            } else if (target instanceof RoomTenure mine) {
                serve(mine, session, request, reply, locally);
            } else {
                forward((Lease) target, session, request, reply);
            }
        });
    }

    /** A request of this node's connection, to this node's tenure, once its room is loaded. */
    private void serve(RoomTenure here, Session session, ClientMessage request, Consumer<ServerMessage> reply,
                       BiConsumer<Room, Consumer<ServerMessage>> locally) {
        here.ready.whenComplete((room, error) -> {
            if (error != null) {
                reply.accept(cluster.unavailable(request.id()));
                return;
            }
            locally.accept(room, here.answering(request.id(), answer -> {
                if (request instanceof Join && answer instanceof Ok) {
                    here.joinedHere(session);
                } else if (request instanceof Leave && answer instanceof Ok) {
                    here.leftHere(session);
                }
                reply.accept(answer);
            }));
        });
    }

    /**
     * Where the room is served: this node's tenure (claimed now if nobody owns the room), the
     * lease of the live node that owns it, or null when neither (its owner's lease has yet to lapse).
     */
    CompletableFuture<Object> locate() {
        return cluster.holder(id).thenCompose(holder -> {
            if (holder.isEmpty()) {
                return claim();
            }
            return found(holder.get());
        });
    }

    private CompletableFuture<Object> found(Lease lease) {
        if (lease.node().equals(cluster.self())) {
            RoomTenure here = tenure;
            // A lease of this node that it no longer counts as valid: it lapses, then the room is claimed again.
            return CompletableFuture.completedFuture(here != null && here.lease.equals(lease) && cluster.holds(lease)
                    ? here : null);
        }
        return cluster.alive(lease.node()).thenApply(alive -> {
            if (!alive) {
                return null;
            }
            learn(lease);
            return lease;
        });
    }

    private CompletableFuture<Object> claim() {
        return cluster.claim(id).thenCompose(claimed -> {
            if (claimed.isPresent()) {
                return CompletableFuture.completedFuture(takeOver(claimed.get()));
            }
            return cluster.holder(id).thenCompose(holder -> holder.isEmpty()
                    ? CompletableFuture.completedFuture(null) : found(holder.get()));
        });
    }

    /** Placement: claims the room if nobody owns it (this node comes first for it among the live ones). */
    void claimIfFree() {
        if (tenure != null) {
            return;
        }
        cluster.holder(id).thenAccept(holder -> {
            if (holder.isEmpty()) {
                claim();
            } else if (!holder.get().node().equals(cluster.self())) {
                learn(holder.get());
            }
        }).exceptionally(error -> null);
    }

    /** Whether placement need not look at the room: this node owns it, or a live node does as far as this one knows. */
    boolean placed(java.util.Set<NodeId> live) {
        Lease known = owner;
        return tenure != null || known != null && live.contains(known.node());
    }

    /** This node now holds the room's lease: a new tenure, whose room is loaded from the store. */
    private RoomTenure takeOver(Lease lease) {
        RoomTenure before = tenure;
        if (before != null) {
            stepDown(before.lease);
        }
        RoomTenure here = new RoomTenure(lease, cluster::unavailable);
        tenure = here;
        owner = null;
        learn(lease);
        cluster.load(this, here, lastSeq);
        return here;
    }

    /**
     * The tenure's room is loaded, and every node knows the new owner: requests queued on the
     * tenure go to the room now.
     */
    void loaded(RoomTenure here, Room room) {
        lastSeq = Math.max(lastSeq, here.lastSeq());
        here.ready.complete(room);
    }

    /**
     * This node's tenure is over (its lease lapsed or was refused, or it handed the room over):
     * nothing of it acts any more. Its connections in the room stay open while no newer tenure
     * exists, then are closed with 1012 to rejoin.
     */
    void stepDown(Lease lease) {
        RoomTenure here = tenure;
        if (here == null || !here.lease.equals(lease)) {
            return;
        }
        tenure = null;
        lastSeq = Math.max(lastSeq, here.lastSeq());
        for (Session session : here.end()) {
            orphans.put(session, lease.epoch());
        }
        published = null;
    }

    /** A tenure of {@code lease} exists: what this node had of older tenures is let go. */
    void learn(Lease lease) {
        newestEpoch.accumulateAndGet(lease.epoch(), Math::max);
        if (!lease.node().equals(cluster.self())) {
            Lease known = owner;
            if (known == null || known.epoch() <= lease.epoch()) {
                owner = lease;
            }
            RoomTenure here = tenure;
            if (here != null && here.epoch() < lease.epoch()) {
                cluster.lost(here.lease);
            }
        }
        viaOwner.forEach((session, via) -> {
            if (via.owner().epoch() < lease.epoch()) {
                rejoin(session);
            }
        });
        orphans.forEach((session, epoch) -> {
            if (epoch < lease.epoch()) {
                orphans.remove(session, epoch);
                close(session);
            }
        });
    }

    private void forward(Lease to, Session session, ClientMessage request, Consumer<ServerMessage> reply) {
        Via via = viaOwner.compute(session, (s, current) -> {
            if (current != null && current.owner().equals(to)) {
                return current;
            }
            if (current != null) {
                byConn.remove(current.conn());
            }
            long number = cluster.nextConn();
            byConn.put(number, s);
            return new Via(number, to);
        });
        cluster.forward(to.node(), id, via.conn(), session, request, answer -> {
            if (answer instanceof ErrorReply error && error.code() == ErrorCode.UNAVAILABLE) {
                owner = null;
            } else if (request instanceof Leave && answer instanceof Ok && viaOwner.remove(session, via)) {
                byConn.remove(via.conn());
            }
            reply.accept(answer);
        });
    }

    // On the node whose connections are in the room through another node's tenure.

    /** Whether an item of a batch from that tenure may reach this node's connections. */
    boolean current(NodeId from, long epoch) {
        long newest = newestEpoch.get();
        if (epoch < newest) {
            return false;
        }
        if (epoch > newest) {
            learn(new Lease(id, from, epoch));
        }
        return true;
    }

    /** An event of the room for some of this node's connections; those no longer in it get nothing. */
    void deliver(long[] conns, OutboundFrame frame) {
        for (long conn : conns) {
            Session session = byConn.get(conn);
            if (session != null) {
                session.deliver(frame);
            }
        }
    }

    /**
     * Messages from that node were lost, so this node's connections in the room through it may
     * have missed events: each is closed with 1012 and comes back with {@code since}, which makes it whole.
     */
    void resync(NodeId node) {
        viaOwner.forEach((session, via) -> {
            if (via.owner().node().equals(node)) {
                rejoin(session);
            }
        });
    }

    private void rejoin(Session session) {
        Via via = viaOwner.remove(session);
        if (via != null) {
            byConn.remove(via.conn());
        }
        close(session);
    }

    private static void close(Session session) {
        if (session instanceof Connection connection) {
            connection.close(CloseCode.SERVICE_RESTART, "service restart");
        }
    }

    // On the owner.

    /** A request from a connection of another node. Called on the inbox thread, in order. */
    void fromRemote(NodeId from, Envelope.Request envelope) {
        RoomTenure here = tenure;
        if (here == null || !cluster.holds(here.lease) || !cluster.health().up()) {
            cluster.outbox(from).reply(id, 0, envelope.conn(), envelope.req(), cluster.unavailable(null));
            return;
        }
        NodeOutbox outbox = cluster.outbox(from);
        Consumer<ServerMessage> toNode = answer -> outbox.reply(id, here.epoch(), envelope.conn(), envelope.req(), answer);
        ClientMessage request;
        try {
            request = cluster.codec().decodeClient(envelope.request());
        } catch (ProtocolException e) {
            toNode.accept(ErrorReply.of(e.requestId(), e.code(), e.getMessage()));
            return;
        }
        Consumer<ServerMessage> reply = here.answering(request.id(), toNode);
        RemoteSession session = here.remote(from, envelope.conn(), envelope.identity(), envelope.remoteAddress(), outbox);
        here.ready.whenComplete((room, error) -> {
            if (error != null) {
                reply.accept(cluster.unavailable(request.id()));
            } else {
                handle(here, room, session, request, reply);
            }
        });
    }

    private static void handle(RoomTenure here, Room room, RemoteSession session, ClientMessage request,
                               Consumer<ServerMessage> reply) {
        if (request instanceof Join join) {
            room.join(session, join, reply);
        } else if (request instanceof Leave leave) {
            room.leave(session, leave.id(), answer -> {
                if (answer instanceof Ok) {
                    here.remoteLeft(session);
                }
                reply.accept(answer);
            });
        } else if (request instanceof Send send) {
            room.send(session, send, reply);
        } else if (request instanceof RoomRequest command) {
            room.command(session, command, reply);
        } else if (request instanceof ListCheckins list) {
            room.listCheckins(session, found -> reply.accept(new Ok(list.id(), new CheckinsResult(found))));
        } else if (request instanceof CheckinRequest checkin) {
            room.checkin(session, checkin, reply);
        } else {
            reply.accept(ErrorReply.of(request.id(), ErrorCode.BAD_REQUEST, "not a room request"));
        }
    }

    /** A connection of another node is gone. */
    void remoteDisconnected(NodeId from, long conn) {
        RoomTenure here = tenure;
        if (here != null) {
            here.remoteGone(from, conn);
        }
    }

    /**
     * A node is gone. On the owner, its connections leave the room, as lost connections do. On a
     * node whose connections were in the room through it, they are closed with 1012 and rejoin
     * through the room's next owner.
     */
    void nodeGone(NodeId node) {
        RoomTenure here = tenure;
        if (here != null) {
            here.nodeGone(node);
        }
        resync(node);
        Lease known = owner;
        if (known != null && known.node().equals(node)) {
            owner = null;
        }
    }

    // For the node.

    /** This node's tenure, or null. */
    RoomTenure tenure() {
        return tenure;
    }

    /** The room of this node's tenure, once loaded; else null. */
    Room servingRoom() {
        RoomTenure here = tenure;
        return here == null ? null : here.room();
    }

    /** What the directory should show of the room now, when this node serves it and that changed (or {@code always}). */
    Optional<RoomListings.Listing> listing(boolean always, java.util.function.Function<RoomInfo, byte[]> json) {
        RoomTenure here = tenure;
        Room room = here == null ? null : here.room();
        if (room == null) {
            return Optional.empty();
        }
        room.openCheckins(count -> openCheckins = count);
        RoomInfo info = room.info();
        int checkins = openCheckins;
        if (!always && info == published && checkins == publishedCheckins) {
            return Optional.empty();
        }
        published = info;
        publishedCheckins = checkins;
        return Optional.of(new RoomListings.Listing(id, here.epoch(), checkins, json.apply(info)));
    }

    /** The listing could not be published: the next round tries again. */
    void unpublished() {
        published = null;
    }
}
