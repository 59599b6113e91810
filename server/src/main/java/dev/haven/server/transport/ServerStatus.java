package dev.haven.server.transport;

/** What {@code /healthz} reports. */
interface ServerStatus {
    long uptimeSeconds();

    int connections();

    int rooms();
}
