package dev.haven.server.care;

import dev.haven.protocol.model.OnDuty;
import dev.haven.server.delivery.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisors on duty: those who said so ({@code duty {onDuty:true}}) and are still
 * connected. A supervisor connected from two devices is on duty once, until it goes off duty or
 * its last connection that said so closes. Kept in memory: a restart starts with nobody on duty,
 * and supervisors say so again when their clients reconnect.
 *
 * <p><b>Threading.</b> Connections change it from their own threads, rooms read its size from
 * theirs; the monitor guards the map, and {@link #size()} reads a concurrent count.
 */
public final class OnDutyRoster {
    private record Entry(String name, long since, Set<Session> sessions) {
    }

    private final Clock clock;
    private final Map<String, Entry> byUser = new LinkedHashMap<>();
    private final Map<Session, String> userOf = new ConcurrentHashMap<>();
    private volatile int size;

    OnDutyRoster(Clock clock) {
        this.clock = clock;
    }

    /** The supervisor of this connection goes on or off duty. */
    public synchronized void set(Session session, boolean on) {
        String user = session.identity().id();
        if (on) {
            byUser.computeIfAbsent(user, id -> new Entry(session.identity().name(), clock.millis(),
                    ConcurrentHashMap.newKeySet())).sessions().add(session);
            userOf.put(session, user);
        } else {
            Entry entry = byUser.remove(user);
            if (entry != null) {
                entry.sessions().forEach(userOf::remove);
            }
        }
        size = byUser.size();
    }

    /** Whether this user is on duty. */
    public synchronized boolean isOnDuty(String userId) {
        return byUser.containsKey(userId);
    }

    synchronized void disconnected(Session session) {
        String user = userOf.remove(session);
        if (user == null) {
            return;
        }
        Entry entry = byUser.get(user);
        if (entry != null && entry.sessions().remove(session) && entry.sessions().isEmpty()) {
            byUser.remove(user);
        }
        size = byUser.size();
    }

    /** How many supervisors are on duty now. */
    public int size() {
        return size;
    }

    /** Who is on duty, first on duty first. */
    public synchronized List<OnDuty> list() {
        List<OnDuty> list = new ArrayList<>();
        byUser.forEach((id, entry) -> list.add(new OnDuty(id, entry.name(), entry.since())));
        list.sort(Comparator.comparingLong(OnDuty::since));
        return list;
    }
}
