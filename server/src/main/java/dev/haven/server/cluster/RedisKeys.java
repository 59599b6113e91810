package dev.haven.server.cluster;

/**
 * Where everything lives in Redis. A room's keys share the hash tag {@code {room}}, so that one
 * script may touch them all on a Redis Cluster too.
 */
final class RedisKeys {
    static final String NODES = "haven:nodes";
    /** The room directory across nodes ({@link RoomListings}). */
    static final String LISTINGS = "haven:rooms:live";
    /** Escalated alerts still open ({@link SupervisorBoard}). */
    static final String ESCALATED = "haven:escalated";
    /** Supervisors per node ({@link SupervisorBoard}). */
    static final String DUTY = "haven:duty";
    /** The rooms changed at run time ({@link RedisRoomCatalog}), one hash slot for the three. */
    static final String ROOMS = "haven:{rooms}";
    static final String ROOMS_ORDER = "haven:{rooms}:order";
    static final String ROOMS_NEXT = "haven:{rooms}:next";

    private RedisKeys() {
    }

    static String lease(String room) {
        return "haven:{" + room + "}:lease";
    }

    static String epochs(String room) {
        return "haven:{" + room + "}:epoch";
    }

    static String logMeta(String room) {
        return "haven:{" + room + "}:log:meta";
    }

    static String log(String room) {
        return "haven:{" + room + "}:log";
    }

    static String logDedup(String room) {
        return "haven:{" + room + "}:log:dedup";
    }

    static String state(String room) {
        return "haven:{" + room + "}:state";
    }

    static String inbox(NodeId node) {
        return "haven:node:" + node.value() + ":inbox";
    }
}
