package dev.haven.server.cluster;

import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;

/**
 * On the node that owns a room, a connection of another node, as the room sees it: what the
 * room gives it goes to that node's {@link NodeOutbox}. The room does not know the difference.
 * Thread-safe: the outbox takes the calls under its lock, in call order.
 */
final class RemoteSession implements Session {
    private final String room;
    private final NodeId node;
    private final long conn;
    private final Identity identity;
    private final String remoteAddress;
    private final NodeOutbox outbox;

    RemoteSession(String room, NodeId node, long conn, Identity identity, String remoteAddress, NodeOutbox outbox) {
        this.room = room;
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

    @Override
    public void deliver(OutboundFrame frame) {
        outbox.event(room, conn, frame);
    }

    @Override
    public void send(ServerMessage message) {
        outbox.message(room, conn, message);
    }

    @Override
    public String toString() {
        return "RemoteSession[" + node + "/" + conn + "]";
    }
}
