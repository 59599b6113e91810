package dev.haven.server.cluster;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomHandle;
import dev.haven.server.session.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One room as one node of a cluster reaches it. On the node that owns the room, requests go to
 * the {@link Room} itself, and connections of other nodes take part through
 * {@link RemoteSession}s. On the other nodes, requests are forwarded to the owner and its
 * replies and events come back in {@link Envelope.Batch}es, delivered to this node's
 * connections of the room. Either way the {@code Room} runs unchanged.
 *
 * <p><b>Threading.</b> Called from connections' threads (requests), the inbox thread (what other
 * nodes send) and the cluster's scheduler (nodes gone). The maps are concurrent; each request
 * of a connection is forwarded only after the previous one was answered (the connection keeps
 * one request in flight), so a connection's requests reach the owner in order.
 */
final class ClusteredRoom implements RoomHandle {
    private final Room room;
    private final ClusterNode cluster;
    /** The owner as last learned, on a node that does not own the room; null when unknown. */
    private volatile NodeId owner;
    /** The owner this node's connections of {@link #byConn} joined through, kept when {@code owner} is forgotten. */
    private volatile NodeId via;
    /** This node's connections that are in the room through its owner, by their number here. */
    private final Map<Session, Long> viaOwner = new ConcurrentHashMap<>();
    private final Map<Long, Session> byConn = new ConcurrentHashMap<>();
    /** On the owner: other nodes' connections in the room. */
    private final Map<RemoteKey, RemoteSession> remote = new ConcurrentHashMap<>();

    private record RemoteKey(NodeId node, long conn) {
    }

    ClusteredRoom(Room room, ClusterNode cluster) {
        this.room = room;
        this.cluster = cluster;
    }

    @Override
    public String id() {
        return room.id();
    }

    @Override
    public RoomInfo info() {
        return room.info();
    }

    @Override
    public void join(Session session, Join request, Consumer<ServerMessage> reply) {
        route(session, request, reply, () -> room.join(session, request, reply));
    }

    @Override
    public void leave(Session session, String requestId, Consumer<ServerMessage> reply) {
        route(session, new Leave(requestId, id()), reply, () -> room.leave(session, requestId, reply));
    }

    @Override
    public void send(Session session, Send request, Consumer<ServerMessage> reply) {
        route(session, request, reply, () -> room.send(session, request, reply));
    }

    @Override
    public void command(Session session, RoomRequest request, Consumer<ServerMessage> reply) {
        route(session, request, reply, () -> room.command(session, request, reply));
    }

    @Override
    public void disconnect(Session session) {
        Long conn = viaOwner.remove(session);
        if (conn != null) {
            byConn.remove(conn);
            NodeId known = owner;
            if (known != null) {
                cluster.sendDisconnect(known, id(), conn);
            }
        }
        room.disconnect(session);
    }

    private void route(Session session, ClientMessage request, Consumer<ServerMessage> reply, Runnable locally) {
        if (cluster.owns(id())) {
            locally.run();
            return;
        }
        NodeId known = owner;
        if (known != null) {
            forward(known, session, request, reply);
            return;
        }
        cluster.resolveOwner(id()).whenComplete((resolved, error) -> {
            if (error != null || resolved == null) {
                reply.accept(cluster.unavailable(request.id()));
            } else if (resolved.equals(cluster.self())) {
                locally.run();
            } else {
                owner = resolved;
                forward(resolved, session, request, reply);
            }
        });
    }

    private void forward(NodeId to, Session session, ClientMessage request, Consumer<ServerMessage> reply) {
        via = to;
        long conn = viaOwner.computeIfAbsent(session, s -> {
            long number = cluster.nextConn();
            byConn.put(number, s);
            return number;
        });
        cluster.forward(to, id(), conn, session, request, answer -> {
            if (answer instanceof ErrorReply error && error.code() == ErrorCode.UNAVAILABLE) {
                owner = null;
            } else if (request instanceof Leave && answer instanceof Ok && viaOwner.remove(session, conn)) {
                byConn.remove(conn);
            }
            reply.accept(answer);
        });
    }

    // On the node whose connections are in the room through its owner.

    /** An event of the room for some of this node's connections; those no longer in it get nothing. */
    void deliver(long[] conns, OutboundFrame frame) {
        for (long conn : conns) {
            Session session = byConn.get(conn);
            if (session != null) {
                session.deliver(frame);
            }
        }
    }

    /** The owner is gone or its messages were lost: {@code owner} is learned again at the next request. */
    void forgetOwner(NodeId node) {
        if (node.equals(owner)) {
            owner = null;
        }
    }

    /**
     * Messages from the owner were lost, so this node's connections in the room may have missed
     * events: each is closed with 1012 and comes back with {@code since}, which makes it whole.
     */
    void resync(NodeId node) {
        if (!node.equals(via)) {
            return;
        }
        for (Session session : byConn.values()) {
            if (session instanceof Connection connection) {
                connection.close(CloseCode.SERVICE_RESTART, "service restart");
            }
        }
    }

    // On the owner.

    /** A request from a connection of another node. Called on the inbox thread, in order. */
    void fromRemote(NodeId from, Envelope.Request envelope) {
        Consumer<ServerMessage> reply = answer -> cluster.outbox(from).reply(id(), envelope.conn(), envelope.req(), answer);
        if (!cluster.owns(id())) {
            reply.accept(cluster.unavailable(null));
            return;
        }
        ClientMessage request;
        try {
            request = cluster.codec().decodeClient(envelope.request());
        } catch (ProtocolException e) {
            reply.accept(ErrorReply.of(e.requestId(), e.code(), e.getMessage()));
            return;
        }
        RemoteKey key = new RemoteKey(from, envelope.conn());
        RemoteSession session = remote.computeIfAbsent(key, k -> new RemoteSession(id(), from, envelope.conn(),
                envelope.identity(), envelope.remoteAddress(), cluster.outbox(from)));
        if (request instanceof Join join) {
            room.join(session, join, reply);
        } else if (request instanceof Leave leave) {
            room.leave(session, leave.id(), answer -> {
                if (answer instanceof Ok) {
                    remote.remove(key, session);
                }
                reply.accept(answer);
            });
        } else if (request instanceof Send send) {
            room.send(session, send, reply);
        } else if (request instanceof RoomRequest command) {
            room.command(session, command, reply);
        } else {
            reply.accept(ErrorReply.of(request.id(), ErrorCode.BAD_REQUEST, "not a room request"));
        }
    }

    /** A connection of another node is gone. */
    void remoteDisconnected(NodeId from, long conn) {
        RemoteSession session = remote.remove(new RemoteKey(from, conn));
        if (session != null) {
            room.disconnect(session);
        }
    }

    /**
     * A node is gone. On the owner, its connections leave the room, as lost connections do. On a
     * node whose connections were in the room through it, they are closed with 1012: the room's
     * next owner does not have them yet (taking a room over with its state is the second part of
     * docs/architecture.md), and a client rejoins with {@code since} at once.
     */
    void nodeGone(NodeId node) {
        remote.entrySet().removeIf(entry -> {
            if (entry.getKey().node().equals(node)) {
                room.disconnect(entry.getValue());
                return true;
            }
            return false;
        });
        resync(node);
        forgetOwner(node);
    }
}
