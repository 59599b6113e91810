package dev.haven.server.moderation;

import dev.haven.protocol.model.AuditEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A room's moderation actions, newest kept, bounded in count. Never holds message text. Each
 * entry names its actor and target as they were called at the time, so the log still reads
 * after they have left.
 */
public final class AuditLog {
    private final int capacity;
    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();

    public AuditLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(long ts, String actor, String actorName, String action, String target, String targetName,
                       String reason) {
        record(ts, actor, actorName, action, target, targetName, reason, null);
    }

    /** @param until the end of a timed mute or ban, or null */
    public void record(long ts, String actor, String actorName, String action, String target, String targetName,
                       String reason, Long until) {
        entries.addLast(new AuditEntry(ts, actor, action, target, reason, actorName, targetName, until));
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

    /** The name the newest entry that names this user gives it, or null. */
    public String lastNameOf(String userId) {
        Iterator<AuditEntry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            AuditEntry entry = newestFirst.next();
            if (userId.equals(entry.actor()) && entry.actorName() != null) {
                return entry.actorName();
            }
            if (userId.equals(entry.target()) && entry.targetName() != null) {
                return entry.targetName();
            }
        }
        return null;
    }

    public void clear() {
        entries.clear();
    }
}
