package dev.haven.server.cluster;

import dev.haven.server.state.Fence;

/**
 * A node's ownership of one room, with its fencing epoch. Epochs of a room only grow, so a
 * token names one tenure exactly: every write to the room's keys carries it, and Redis refuses
 * the write unless that tenure still holds the lease (see {@code fence.lua}).
 */
public record Lease(String room, NodeId node, long epoch) implements Fence {
    /** The lease's value in Redis, {@code node|epoch}. */
    @Override
    public String token() {
        return node.value() + '|' + epoch;
    }

    static Lease parse(String room, String token) {
        int bar = token.lastIndexOf('|');
        return new Lease(room, new NodeId(token.substring(0, bar)), Long.parseLong(token.substring(bar + 1)));
    }
}
