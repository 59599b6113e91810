package dev.haven.server.care;

import dev.haven.protocol.model.OnDuty;
import dev.haven.protocol.server.Alert;
import dev.haven.server.delivery.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors connected to the server (token role {@code supervisor}), and the escalated
 * alerts still open in any room. A supervisor receives every escalation from every room as soon
 * as it has said hello, without joining a room, and on connecting receives the escalated alerts
 * still open, each followed by what was done about it so far (a facilitator reaching out).
 * Other features alert supervisors through {@link #alert}; check-ins reach the supervisors in
 * them through {@link #sessionsOf}.
 *
 * <p>Supervisors say when they are on duty ({@link OnDutyRoster}): an escalation counts as having
 * reached someone, for what the member is told, only when a supervisor on duty received it. Every
 * connected supervisor still receives it.
 *
 * <p>In a cluster, a {@link SupervisorRelay} takes what a room escalates here to the desks of
 * the other nodes (which deliver it through the {@code …Elsewhere} methods), keeps the open
 * escalations where any node finds them, and counts the supervisors connected elsewhere.
 *
 * <p><b>Threading.</b> Connections register and leave from their own threads; rooms escalate
 * from theirs. Both collections are concurrent. A supervisor registering while an alert is
 * escalated may receive that alert twice (once from each side), never not at all; clients key
 * alerts by {@code alertId}.
 */
public final class SupervisorDesk {
    private static final Logger log = LoggerFactory.getLogger(SupervisorDesk.class);

    private final Set<Session> supervisors = ConcurrentHashMap.newKeySet();
    private final OnDutyRoster onDuty;
    /** room id + alert id to the alert as escalated, then its updates. Each list is replaced, never changed. */
    private final Map<String, List<Alert>> escalated = new ConcurrentHashMap<>();
    private volatile SupervisorRelay relay = SupervisorRelay.NONE;

    public SupervisorDesk(java.time.Clock clock) {
        this.onDuty = new OnDutyRoster(clock);
    }

    /** Who is on duty. */
    public OnDutyRoster onDuty() {
        return onDuty;
    }

    /** A cluster's: what this desk escalates reaches the other nodes' supervisors too. */
    public void relayThrough(SupervisorRelay relay) {
        this.relay = relay;
    }

    /** A supervisor said hello: it receives the escalated alerts still open, then every new one. */
    public void register(Session supervisor) {
        supervisors.add(supervisor);
        for (List<Alert> frames : escalated.values()) {
            frames.forEach(supervisor::send);
        }
        if (relay != SupervisorRelay.NONE) {
            // Those escalated before this node heard of them; an alert seen twice is keyed by its id.
            relay.open().thenAccept(open -> {
                if (supervisors.contains(supervisor)) {
                    open.stream().filter(frames -> !frames.isEmpty()
                                    && !escalated.containsKey(key(frames.get(0).room(), frames.get(0).alertId())))
                            .forEach(frames -> frames.forEach(supervisor::send));
                }
            });
        }
    }

    public void unregister(Session supervisor) {
        supervisors.remove(supervisor);
        onDuty.disconnected(supervisor);
    }

    /** How many supervisor connections are open. */
    public int online() {
        return supervisors.size();
    }

    /** Who is on duty on this node and, in a cluster, on every other (each person once), first on duty first. */
    public List<OnDuty> onDutyEverywhere() {
        List<OnDuty> elsewhere = relay.onDutyElsewhere();
        if (elsewhere.isEmpty()) {
            return onDuty.list();
        }
        Map<String, OnDuty> byId = new java.util.HashMap<>();
        for (List<OnDuty> list : List.of(onDuty.list(), elsewhere)) {
            list.forEach(d -> byId.merge(d.id(), d, (a, b) -> a.since() <= b.since() ? a : b));
        }
        List<OnDuty> all = new ArrayList<>(byId.values());
        all.sort(java.util.Comparator.comparingLong(OnDuty::since));
        return all;
    }

    /** How many supervisor connections are open on other nodes of a cluster, as last counted. */
    public int onlineElsewhere() {
        return relay.onlineElsewhere();
    }

    /**
     * An alert no facilitator acknowledged in time: every supervisor receives it now, and any
     * supervisor who connects while it is open.
     *
     * @return how many supervisors on duty it reached (people, not connections)
     */
    public int escalate(Alert alert) {
        int reached = escalatedElsewhere(alert);
        relay.escalated(alert);
        int onDutyReached = relay == SupervisorRelay.NONE ? onDuty.size() : onDutyEverywhere().size();
        if (onDutyReached == 0) {
            log.warn("escalation reached no supervisor on duty room={} alert={} connections={}", alert.room(),
                    alert.alertId(), reached);
        }
        return onDutyReached;
    }

    /** An escalation of a room another node owns: this node's supervisors receive it. @return connections reached */
    public int escalatedElsewhere(Alert alert) {
        escalated.put(key(alert.room(), alert.alertId()), List.of(alert));
        return alertExceptHere(null, alert);
    }

    /**
     * An escalated alert still open after a restart, or on its room's new owner: connected
     * supervisors receive it again (clients key alerts by {@code alertId}), and so does each
     * supervisor who connects while it is open. Not counted as a new escalation.
     */
    public void reopen(Alert alert) {
        escalated.putIfAbsent(key(alert.room(), alert.alertId()), List.of(alert));
        alert(alert);
    }

    /** What a facilitator or supervisor did about an escalated alert; a closing update forgets it. */
    public void update(Alert update, boolean closes) {
        updatedElsewhere(update, closes);
        relay.updated(update, closes);
    }

    /** An update about an escalation of a room another node owns. */
    public void updatedElsewhere(Alert update, boolean closes) {
        String key = key(update.room(), update.alertId());
        if (closes) {
            escalated.remove(key);
        } else {
            escalated.computeIfPresent(key, (k, frames) -> {
                List<Alert> more = new java.util.ArrayList<>(frames);
                more.add(update);
                return List.copyOf(more);
            });
        }
        alertExceptHere(null, update);
    }

    /** An escalated alert ended without an update (its room's session was closed). */
    public void forget(String room, String alertId) {
        forgottenElsewhere(room, alertId);
        relay.forgotten(room, alertId);
    }

    /** An escalation of a room another node owns ended without an update. */
    public void forgottenElsewhere(String room, String alertId) {
        escalated.remove(key(room, alertId));
    }

    /**
     * Sends an alert to every connected supervisor, such as {@code alert {kind:"unfacilitated"}}.
     *
     * @return how many supervisor connections it reached
     */
    public int alert(Alert alert) {
        return alertExcept(null, alert);
    }

    /**
     * Sends an alert to every connected supervisor but the one user it is about.
     *
     * @return how many supervisor connections it reached
     */
    public int alertExcept(String userId, Alert alert) {
        relay.alerted(userId, alert);
        return alertExceptHere(userId, alert) + relay.onlineElsewhere();
    }

    /**
     * Sends an alert to every supervisor connected to this node but the one user it is about.
     *
     * @return how many supervisor connections it reached
     */
    public int alertExceptHere(String userId, Alert alert) {
        int reached = 0;
        for (Session supervisor : supervisors) {
            if (!supervisor.identity().id().equals(userId)) {
                supervisor.send(alert);
                reached++;
            }
        }
        return reached;
    }

    /** Every connection of one supervisor, for a check-in it opened or joined. */
    public List<Session> sessionsOf(String userId) {
        List<Session> sessions = new ArrayList<>(2);
        for (Session supervisor : supervisors) {
            if (supervisor.identity().id().equals(userId)) {
                sessions.add(supervisor);
            }
        }
        return sessions;
    }

    private static String key(String room, String alertId) {
        return room + '\u0000' + alertId;
    }
}
