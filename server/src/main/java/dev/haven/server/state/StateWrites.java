package dev.haven.server.state;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the rooms' state is being kept: the rooms whose last write to their store failed, so
 * that changes of theirs are not kept yet (their rooms retry). {@code /healthz} reports them. One
 * per server; thread-safe.
 */
public final class StateWrites {
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** Whether some room has changes its store did not take. */
    public boolean failing() {
        return !failing.isEmpty();
    }

    /** How many rooms have changes their store did not take. */
    public int failingRooms() {
        return failing.size();
    }

    void failed(String room) {
        failing.add(room);
    }

    void kept(String room) {
        failing.remove(room);
    }
}
