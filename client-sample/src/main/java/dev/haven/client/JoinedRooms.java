package dev.haven.client;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.ServerMessage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The rooms a {@link ReconnectingClient} is in, each with its {@link RoomCursor}: rejoined with
 * {@code since} on every new connection, caught up after a hole in their live messages, and
 * the events of each handed on in order and once. A room enters with the owner's {@code join}
 * and leaves with its {@code leave}, a {@code removed}, {@code banned} or {@code session_closed}
 * notice, a refused rejoin, or a rejoin that must wait for admission.
 *
 * <p>Used on the client's scheduler alone. Replies come back as scheduler tasks tagged with the
 * connection they came over; once that is no longer the current one they are dropped, and the
 * next connection asks again.
 */
final class JoinedRooms {
    private static final System.Logger log = System.getLogger(ReconnectingClient.class.getName());

    /**
     * A catch-up join and what it is for.
     *
     * @param checkRestart   look for signs of a restarted server
     * @param restarted      a restart was seen already, and this asks for the new history
     * @param afterReconnect a rejoin on a new connection, not a hole filled on the same one
     */
    private record Ask(String room, long since, boolean checkRestart, boolean restarted, boolean afterReconnect,
                       int attempt) {
        Ask(String room, long since, boolean checkRestart, boolean restarted, boolean afterReconnect) {
            this(room, since, checkRestart, restarted, afterReconnect, 0);
        }

        Ask again() {
            return new Ask(room, since, checkRestart, restarted, afterReconnect, attempt + 1);
        }
    }

    private final Map<String, RoomCursor> rooms = new LinkedHashMap<>();
    /** Tries of one catch-up on one connection before it is dropped for a fresh one. */
    static final int CATCH_UP_ATTEMPTS = 4;
    /** The pause before the first retry of a catch-up; doubled for each next one. */
    static final Duration CATCH_UP_PAUSE = Duration.ofMillis(500);

    private final ClientScheduler scheduler;
    private final ReconnectListener listener;
    private final ListenerCalls calls;
    /** The connection catch-ups go over; null while there is none. */
    private HavenClient connection;

    JoinedRooms(ClientScheduler scheduler, ReconnectListener listener, ListenerCalls calls) {
        this.scheduler = scheduler;
        this.listener = listener;
        this.calls = calls;
    }

    int size() {
        return rooms.size();
    }

    /** The owner sent a join: the room's events are counted from now, to move past what they bring. */
    void joining(String room, boolean acceptGuidelines) {
        rooms.computeIfAbsent(room, id -> new RoomCursor(id, acceptGuidelines));
    }

    /**
     * The owner's own join was answered, or failed (null).
     *
     * @param guidelinesVersion the version of the guidelines the join accepted, or null when it named none
     */
    void joinAnswered(String room, boolean accepted, Integer guidelinesVersion, JoinResult reply) {
        RoomCursor cursor = rooms.get(room);
        if (cursor == null) {
            return;
        }
        if (reply != null && !Boolean.TRUE.equals(reply.waiting())) {
            cursor.joined(reply, accepted);
            if (guidelinesVersion != null) {
                cursor.guidelinesVersion(guidelinesVersion);
            }
        } else if (!cursor.joined()) {
            rooms.remove(room);
        }
    }

    void left(String room) {
        rooms.remove(room);
    }

    /**
     * A new connection said hello: every room joined is rejoined over it, before anything else
     * is sent; a room whose first join was never answered is not (its owner heard of the failure).
     */
    void connected(HavenClient client) {
        connection = client;
        for (RoomCursor cursor : new ArrayList<>(rooms.values())) {
            if (cursor.joined()) {
                cursor.startCatchUp();
                ask(new Ask(cursor.room(), cursor.rejoinSince(), true, false, true));
            } else {
                rooms.remove(cursor.room());
            }
        }
    }

    /** The connection ended: catch-ups under way will not be answered; the next connection asks again. */
    void connectionLost() {
        connection = null;
        rooms.values().forEach(RoomCursor::connectionLost);
    }

    /** An event from the current connection: held during its room's catch-up, dropped if seen, else handed on. */
    void route(ServerMessage event) {
        String room = HavenListener.roomOf(event);
        RoomCursor cursor = room == null ? null : rooms.get(room);
        if (cursor != null) {
            if (cursor.catchingUp()) {
                cursor.hold(event);
                return;
            }
            if (event instanceof MessageEvent message) {
                if (connection != null && cursor.isHole(message)) {
                    cursor.startCatchUp();
                    cursor.hold(message);
                    ask(new Ask(room, cursor.lastSeq(), false, false, false));
                    return;
                }
                if (!cursor.accept(message)) {
                    return;
                }
            } else if (event instanceof Notice notice && (notice.kind() == NoticeKind.REMOVED
                    || notice.kind() == NoticeKind.BANNED || notice.kind() == NoticeKind.SESSION_CLOSED
                    || notice.kind() == NoticeKind.ROOM_ARCHIVED)) {
                rooms.remove(room);
            }
        }
        calls.event(event);
    }

    private void ask(Ask ask) {
        HavenClient via = connection;
        RoomCursor cursor = rooms.get(ask.room());
        // A rejoin accepts what the owner accepted: the same version, or it is refused.
        via.request(new Join(null, ask.room(), ask.since(), cursor.acceptGuidelines() ? Boolean.TRUE : null,
                cursor.guidelinesVersion()), JoinResult.class).whenComplete((reply, error) ->
                scheduler.execute(() -> caughtUp(via, ask, reply, error)));
    }

    private void caughtUp(HavenClient via, Ask ask, JoinResult reply, Throwable error) {
        RoomCursor cursor = rooms.get(ask.room());
        if (via != connection || cursor == null || !cursor.catchingUp()) {
            return;
        }
        if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof ConnectionClosedException) {
                return; // the connection ended; the next one rejoins
            }
            if (!(cause instanceof HavenErrorException refused) || refused.code() == ErrorCode.RATE_LIMITED) {
                // An unreadable reply or a refusal for now: the room stays held until it is asked again.
                retryLater(via, ask, cause instanceof HavenErrorException limited ? limited.retryAfterMs() : null);
                return;
            }
            if (ask.afterReconnect()) {
                rooms.remove(ask.room());
                ListenerCalls.call(() -> listener.onRejoinFailed(ask.room(), refused));
            } else {
                release(cursor); // still in the room; the next hole or reconnect asks again
            }
            return;
        }
        RoomCursor.Step step = cursor.examine(reply, ask.since(), ask.checkRestart());
        if (step instanceof RoomCursor.Restarted) {
            ask(new Ask(ask.room(), 0, false, true, ask.afterReconnect()));
        } else if (step instanceof RoomCursor.AskExactly exactly) {
            ask(new Ask(ask.room(), exactly.since(), false, ask.restarted(), ask.afterReconnect()));
        } else if (step instanceof RoomCursor.Waiting) {
            rooms.remove(ask.room());
            report(new CatchUp(ask.room(), reply, 0, false, ask.restarted(), ask.afterReconnect()));
        } else if (step instanceof RoomCursor.Done done) {
            report(new CatchUp(ask.room(), reply, done.missed().size(), done.gap(), ask.restarted(),
                    ask.afterReconnect()));
            done.missed().forEach(calls::event);
            release(cursor);
        }
    }

    /**
     * Asks again after a growing pause (or the server's {@code retryAfterMs}), never at once, so a
     * refusal cannot turn into a flood; after {@link #CATCH_UP_ATTEMPTS} the connection is dropped,
     * and the reconnect, with its own backoff, rejoins every room afresh.
     */
    private void retryLater(HavenClient via, Ask ask, Long retryAfterMs) {
        if (ask.attempt() + 1 >= CATCH_UP_ATTEMPTS) {
            log.log(Level.DEBUG, "catch-up failed {0} times room={1}; reconnecting", CATCH_UP_ATTEMPTS, ask.room());
            via.abort("a catch-up could not be completed");
            return;
        }
        long pause = Math.max(retryAfterMs == null ? 0 : retryAfterMs, CATCH_UP_PAUSE.toMillis() << ask.attempt());
        scheduler.schedule(Duration.ofMillis(pause), () -> {
            RoomCursor cursor = rooms.get(ask.room());
            if (via == connection && cursor != null && cursor.catchingUp()) {
                ask(ask.again());
            }
        });
    }

    private void report(CatchUp catchUp) {
        log.log(Level.DEBUG, "caught up room={0} missed={1} gap={2} restarted={3}", catchUp.room(), catchUp.missed(),
                catchUp.gap(), catchUp.restarted());
        ListenerCalls.call(() -> listener.onCaughtUp(catchUp));
    }

    /** Hands on the events held during a catch-up, as if they arrived now. */
    private void release(RoomCursor cursor) {
        cursor.endCatchUp().forEach(this::route);
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
