package dev.haven.server.moderation;

import dev.haven.protocol.model.AuditEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A room's moderation actions, newest kept, bounded in count. Never holds message text. */
public final class AuditLog {
    private final int capacity;
    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();

    public AuditLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(long ts, String actor, String action, String target, String reason) {
        record(ts, actor, action, target, reason, null);
    }

    /** @param until the end of a timed mute or ban, or null */
    public void record(long ts, String actor, String action, String target, String reason, Long until) {
        entries.addLast(new AuditEntry(ts, actor, action, target, reason, until));
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** Up to {@code limit} entries, newest first. */
    public List<AuditEntry> newest(int limit) {
        List<AuditEntry> result = new ArrayList<>(Math.min(limit, entries.size()));
        Iterator<AuditEntry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext() && result.size() < limit) {
            result.add(newestFirst.next());
        }
        return result;
    }

    public void clear() {
        entries.clear();
    }
}
