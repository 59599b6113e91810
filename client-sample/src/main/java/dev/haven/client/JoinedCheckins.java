package dev.haven.client;

import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.ListCheckins;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.CheckinState;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinHistoryResult;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.CheckinsResult;
import dev.haven.protocol.server.ServerMessage;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The private check-ins a {@link ReconnectingClient} is in, each with the last {@code seq} seen,
 * found again on every new connection: {@code checkins} lists those still open, and
 * {@code checkin_history} with {@code since} brings what was missed. Each message reaches the
 * listener once and in order; a check-in new to the client comes first as a {@code checkin}
 * event (as the server sent it), one that ended meanwhile as {@link ReconnectListener#onCheckinEnded}.
 * While the catch-up is answered, live check-in events wait, so they follow what it brings.
 *
 * <p>Used on the client's scheduler alone. Replies come back as scheduler tasks tagged with the
 * connection they came over; once that is no longer the current one they are dropped.
 */
final class JoinedCheckins {
    private static final System.Logger log = System.getLogger(ReconnectingClient.class.getName());

    /** What the client has seen of one check-in. */
    private static final class Seen {
        CheckinInfo info;
        long lastSeq;

        Seen(CheckinInfo info, long lastSeq) {
            this.info = info;
            this.lastSeq = lastSeq;
        }
    }

    private final ClientScheduler scheduler;
    private final ReconnectListener listener;
    private final ListenerCalls calls;
    private final Map<String, Seen> checkins = new LinkedHashMap<>();
    /** The connection the catch-up goes over; null while there is none. */
    private HavenClient connection;
    /** Live check-in events held while the catch-up is answered; null when none is. */
    private List<ServerMessage> held;
    private int historiesPending;

    JoinedCheckins(ClientScheduler scheduler, ReconnectListener listener, ListenerCalls calls) {
        this.scheduler = scheduler;
        this.listener = listener;
        this.calls = calls;
    }

    /** @return false when the event is not about a check-in */
    boolean route(ServerMessage event) {
        if (!(event instanceof CheckinEvent) && !(event instanceof CheckinMessage)) {
            return false;
        }
        if (held != null) {
            held.add(event);
        } else {
            deliver(event);
        }
        return true;
    }

    /** A new connection said hello: asks which check-ins are open, holding live ones until answered. */
    void connected(HavenClient client) {
        connection = client;
        held = new ArrayList<>();
        historiesPending = 0;
        client.request(ListCheckins.all(), CheckinsResult.class)
                .whenComplete((result, error) -> scheduler.execute(() -> listed(client, result, error)));
    }

    /** The connection ended: the next one asks again. */
    void connectionLost() {
        connection = null;
        held = null;
    }

    private void listed(HavenClient via, CheckinsResult result, Throwable error) {
        if (via != connection || held == null) {
            return;
        }
        if (error != null) {
            // Not known now; the next connection asks again. What is held goes on as it came.
            log.log(Level.DEBUG, "check-ins could not be listed: {0}", JoinedRooms.unwrap(error).getClass().getSimpleName());
            release();
            return;
        }
        Set<String> open = new HashSet<>();
        result.checkins().forEach(info -> open.add(info.id()));
        for (Seen gone : new ArrayList<>(checkins.values())) {
            if (!open.contains(gone.info.id())) {
                checkins.remove(gone.info.id());
                ListenerCalls.call(() -> listener.onCheckinEnded(gone.info));
            }
        }
        for (CheckinInfo info : result.checkins()) {
            Seen seen = checkins.get(info.id());
            if (seen == null) {
                seen = new Seen(info, 0);
                checkins.put(info.id(), seen);
                calls.event(new CheckinEvent(info));
            } else {
                seen.info = info;
            }
            if (info.seq() > seen.lastSeq) {
                historiesPending++;
                via.request(new CheckinHistory(null, info.id(), seen.lastSeq), CheckinHistoryResult.class)
                        .whenComplete((history, failed) -> scheduler.execute(() -> caughtUp(via, history)));
            }
        }
        if (historiesPending == 0) {
            release();
        }
    }

    private void caughtUp(HavenClient via, CheckinHistoryResult history) {
        if (via != connection || held == null) {
            return;
        }
        if (history != null) {
            // A check-in closed meanwhile answers not_found; its closing event comes live.
            history.messages().forEach(this::deliver);
        }
        if (--historiesPending == 0) {
            release();
        }
    }

    private void release() {
        List<ServerMessage> events = held;
        held = null;
        events.forEach(this::deliver);
    }

    /** Hands an event on, once: a message already seen (its seq is not past the last) is dropped. */
    private void deliver(ServerMessage event) {
        if (event instanceof CheckinEvent checkin) {
            CheckinInfo info = checkin.checkin();
            if (info.state() == CheckinState.CLOSED) {
                checkins.remove(info.id());
            } else {
                Seen seen = checkins.get(info.id());
                if (seen == null) {
                    checkins.put(info.id(), new Seen(info, 0));
                } else {
                    seen.info = info;
                }
            }
        } else if (event instanceof CheckinMessage message) {
            Seen seen = checkins.get(message.checkin());
            if (seen != null && message.seq() <= seen.lastSeq) {
                return;
            }
            if (seen != null) {
                seen.lastSeq = message.seq();
            }
        }
        calls.event(event);
    }
}
