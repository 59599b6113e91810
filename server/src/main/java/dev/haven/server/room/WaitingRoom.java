package dev.haven.server.room;

import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Members waiting for a facilitator to admit them to a room that admits by approval, in
 * arrival order, and those admitted whose next join is still to come. An admission not used
 * within {@link #ADMISSION_TTL_MILLIS} lapses; a request no facilitator answers within
 * {@link #WAITING_TTL_MILLIS} lapses too, so the list cannot grow without bound. Used on the
 * room's executor alone.
 */
final class WaitingRoom {
    static final long ADMISSION_TTL_MILLIS = 15 * 60 * 1000;
    static final long WAITING_TTL_MILLIS = 30 * 60 * 1000;

    /** A waiting user and the connections it asked from, which hear the facilitator's answer. */
    record Waiter(Identity identity, List<Session> sessions, long since) {
    }

    private final Map<String, Waiter> waiting = new LinkedHashMap<>();
    private final Map<String, Long> admittedAt = new HashMap<>();

    /** @return true when the user was not waiting before */
    boolean add(Session session, long now) {
        Waiter waiter = waiting.get(session.identity().id());
        if (waiter == null) {
            waiter = new Waiter(session.identity(), new ArrayList<>(2), now);
            waiting.put(session.identity().id(), waiter);
            waiter.sessions().add(session);
            return true;
        }
        if (!waiter.sessions().contains(session)) {
            waiter.sessions().add(session);
        }
        return false;
    }

    Waiter remove(String userId) {
        return waiting.remove(userId);
    }

    Collection<Waiter> all() {
        return waiting.values();
    }

    /**
     * The connection no longer waits (it left or is gone); the user stops waiting with its last one.
     *
     * @return whether the connection was waiting
     */
    boolean withdraw(Session session) {
        Waiter waiter = waiting.get(session.identity().id());
        if (waiter == null || !waiter.sessions().remove(session)) {
            return false;
        }
        if (waiter.sessions().isEmpty()) {
            waiting.remove(session.identity().id());
        }
        return true;
    }

    /** Everyone waiting, who now stops waiting; oldest first. */
    List<Waiter> removeAll() {
        List<Waiter> all = List.copyOf(waiting.values());
        waiting.clear();
        return all;
    }

    /** Takes out and returns the requests older than {@link #WAITING_TTL_MILLIS}. */
    List<Waiter> expire(long now) {
        List<Waiter> lapsed = new ArrayList<>();
        waiting.values().removeIf(waiter -> {
            boolean old = now - waiter.since() >= WAITING_TTL_MILLIS;
            if (old) {
                lapsed.add(waiter);
            }
            return old;
        });
        return lapsed;
    }

    /** Forgets everyone waiting and every admission not used yet. */
    void clear() {
        waiting.clear();
        admittedAt.clear();
    }

    void admit(String userId, long now) {
        admittedAt.put(userId, now);
    }

    boolean isAdmitted(String userId, long now) {
        Long at = admittedAt.get(userId);
        return at != null && now - at < ADMISSION_TTL_MILLIS;
    }

    void admissionUsed(String userId) {
        admittedAt.remove(userId);
    }

    void expireAdmissions(long now) {
        admittedAt.values().removeIf(at -> now - at >= ADMISSION_TTL_MILLIS);
    }
}
