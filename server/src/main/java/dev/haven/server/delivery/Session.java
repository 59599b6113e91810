package dev.haven.server.delivery;

import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;

/**
 * One client connection as a room sees it. A user connected twice (two tabs) is two sessions
 * with the same identity. Implementations must accept calls from any thread and keep the
 * order of calls made from one thread.
 */
public interface Session {
    Identity identity();

    /** The peer's address without the port; a guest's ban also holds against it. */
    String remoteAddress();

    /** Queues an event shared by many recipients; the session retains what it needs of it. */
    void deliver(OutboundFrame frame);

    /** Queues an event for this session alone. */
    void send(ServerMessage message);
}
