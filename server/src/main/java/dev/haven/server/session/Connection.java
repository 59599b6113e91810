package dev.haven.server.session;

import dev.haven.protocol.CloseCode;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.Session;
import dev.haven.server.limits.FloodGuard;
import java.util.Set;

/**
 * A client connection as the dispatcher sees it. Its methods other than those of
 * {@link Session} are called on the connection's own thread only.
 */
public interface Connection extends Session {
    /** Null until a {@code hello} succeeds. */
    @Override
    Identity identity();

    void authenticate(Identity identity);

    /**
     * The rooms this connection asked to join and has not left. A join still in flight counts,
     * so that a disconnect reaches every room that may hold the connection.
     */
    Set<String> rooms();

    /** This connection's rate limits. */
    FloodGuard floodGuard();

    /** Sends a close frame with this code and closes. */
    void close(CloseCode code, String reason);
}
