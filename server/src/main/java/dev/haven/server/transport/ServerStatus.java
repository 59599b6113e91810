package dev.haven.server.transport;

/** What {@code /healthz} reports. */
interface ServerStatus {
    long uptimeSeconds();

    int connections();

    int rooms();

    /** Whether the server cannot serve new requests now (a cluster's Redis is unreachable). */
    default boolean degraded() {
        return false;
    }

    /** How many rooms have changes their state store did not take (their writes are retried). */
    default int roomsNotKept() {
        return 0;
    }
}
