package dev.haven.client;

import dev.haven.protocol.server.JoinResult;

/**
 * A room caught up with {@code join since}: after a reconnect, or after a hole in its live
 * messages. The missed messages are not here: they follow as {@code onMessage} calls.
 *
 * @param reply          the join reply: the room's settings and who is there now; when
 *                       {@code waiting} is true the room now admits by approval and the client
 *                       is out of it until admitted
 * @param missed         how many messages follow, each seen for the first time
 * @param gap            some messages after the last one seen are no longer held by the server
 * @param restarted      the server restarted since: its history and seq numbers began again, so
 *                       the messages that follow are its whole new history
 * @param afterReconnect a rejoin on a new connection, rather than a hole filled on the same one
 */
public record CatchUp(String room, JoinResult reply, int missed, boolean gap, boolean restarted,
                      boolean afterReconnect) {
    /** The room admits by approval now, and the client waits outside it. */
    public boolean waiting() {
        return Boolean.TRUE.equals(reply.waiting());
    }
}
