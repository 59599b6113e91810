package dev.haven.server.cluster;

import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;

/**
 * On the node that owns a room, a connection of another node, as the room sees it: what the
 * room gives it goes to that node's {@link NodeOutbox}, marked with the epoch of the tenure it
 * belongs to. The room does not know the difference. Once its tenure is over it carries
 * nothing more ({@link #end}). Thread-safe: the outbox takes the calls under its lock, in call order.
 */
final class RemoteSession implements Session {
    private final String room;
    private final long epoch;
    private volatile boolean ended;
    private final NodeId node;
    private final long conn;
    private final Identity identity;
    private final String remoteAddress;
    private final NodeOutbox outbox;

    RemoteSession(String room, long epoch, NodeId node, long conn, Identity identity, String remoteAddress,
                  NodeOutbox outbox) {
        this.room = room;
        this.epoch = epoch;
        this.node = node;
        this.conn = conn;
        this.identity = identity;
        this.remoteAddress = remoteAddress;
        this.outbox = outbox;
    }

    NodeId node() {
        return node;
    }

    long conn() {
        return conn;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The room's tenure on this node ended: what it would still produce goes nowhere. */
    void end() {
        ended = true;
    }

    @Override
    public void deliver(OutboundFrame frame) {
        if (!ended) {
            outbox.event(room, epoch, conn, frame);
        }
    }

    @Override
    public void send(ServerMessage message) {
        if (!ended) {
            outbox.message(room, epoch, conn, message);
        }
    }

    @Override
    public String toString() {
        return "RemoteSession[" + node + "/" + conn + "]";
    }
}
