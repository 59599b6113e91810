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
}
