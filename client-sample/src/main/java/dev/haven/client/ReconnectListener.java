package dev.haven.client;

import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.server.HelloResult;
import java.time.Duration;

/**
 * What a {@link ReconnectingClient} tells besides the server's events: the connection lost,
 * each attempt to make it again, the new hello, and each room caught up. Called one at a time,
 * in order, on the client's scheduler: return quickly and never wait for a reply there.
 *
 * <p>After a loss the calls come in this order: {@link #onConnectionLost}, then
 * {@link #onReconnectScheduled} before every attempt, then {@link #onReconnected}, then for each
 * room {@link #onCaughtUp} followed by the messages it missed ({@link #onMessage}, oldest first,
 * none seen before), then the room's live events. Check-ins are found again the same way: each
 * still open comes as {@link #onCheckin} when it is new to the client, then the messages it missed
 * ({@link #onCheckinMessage}, each once), and those that ended meanwhile as {@link #onCheckinEnded}. {@link #onClosed} comes once, when the client
 * has stopped for good: closed by its owner, refused by the server (see
 * {@link ReconnectPolicy#reconnectsAfter}), or after {@link #onGaveUp}.
 */
public interface ReconnectListener extends HavenListener {
    /** The connection that was up ended; the client will reconnect. */
    default void onConnectionLost(int code, String reason) {
    }

    /**
     * The next attempt is made after {@code delay}.
     *
     * @param attempt     counts from 1 since the last stable connection
     * @param lastFailure why the previous attempt failed, or null for the first after a loss
     */
    default void onReconnectScheduled(int attempt, Duration delay, String lastFailure) {
    }

    /**
     * A new connection said hello with the same identity; the rooms are being rejoined. A guest
     * is the same user (its resume), unless {@link #onResumeRefused} came first.
     */
    default void onReconnected(HelloResult hello) {
    }

    /**
     * The server refused the guest's resume (it lapsed, or the server's secret changed): the
     * client says hello again at once under the same name, as a new guest with a new user id.
     */
    default void onResumeRefused() {
    }

    /** A room was rejoined (or a hole in its live messages filled); its missed messages follow. */
    default void onCaughtUp(CatchUp catchUp) {
    }

    /** A room could not be rejoined (the server's reason, e.g. {@code banned}, {@code room_locked}); the client is out of it. */
    default void onRejoinFailed(String room, HavenErrorException error) {
    }

    /**
     * A check-in this client was in ended while it was disconnected (closed, or deleted with
     * the session or after its idle lifetime): the last state the client saw of it.
     */
    default void onCheckinEnded(CheckinInfo lastSeen) {
    }

    /** Every attempt failed; {@link #onClosed} follows with the last close code and reason. */
    default void onGaveUp(int attempts) {
    }
}
