package dev.haven.server.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Rendezvous (highest random weight) hashing: for each room, every node has a weight, and the
 * live node of highest weight is the room's preferred owner. Rooms spread evenly over the nodes,
 * and when a node comes or goes only the rooms it weighs highest for move.
 */
final class Rendezvous {
    private Rendezvous() {
    }

    /** The node of highest weight for the room, or null when there is none. */
    static NodeId first(String room, Collection<NodeId> nodes) {
        NodeId best = null;
        long bestWeight = 0;
        for (NodeId node : nodes) {
            long weight = weight(room, node);
            if (best == null || Long.compareUnsigned(weight, bestWeight) > 0
                    || weight == bestWeight && node.value().compareTo(best.value()) < 0) {
                best = node;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** FNV-1a over room and node, then SplitMix64's finaliser to spread the bits. */
    static long weight(String room, NodeId node) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (room + '\u0000' + node.value()).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
