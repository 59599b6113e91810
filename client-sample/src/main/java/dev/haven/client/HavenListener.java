package dev.haven.client;

import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.PresenceEvent;

/**
 * Receives what the server sends besides replies. Methods are called one at a time, in the
 * order the frames arrived, on the client's receiving thread: they should return quickly and
 * never wait for a reply, or the connection stops reading. An exception thrown here is logged
 * and does not stop the connection.
 */
public interface HavenListener {
    /** A message shared in a room this connection is in, its own included. */
    default void onMessage(MessageEvent message) {
    }

    /** Someone joined, left or changed in a room this connection is in. */
    default void onPresence(PresenceEvent presence) {
    }

    /**
     * The connection ended; called once. {@code code} is the WebSocket close code the server
     * sent (1000 normal, 1001 server shutting down, 4001 not authenticated, ...) or
     * {@link HavenClient#ABNORMAL_CLOSURE} when the connection broke without one.
     */
    default void onClosed(int code, String reason) {
    }
}
