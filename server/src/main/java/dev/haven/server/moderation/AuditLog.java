package dev.haven.server.moderation;

import dev.haven.protocol.model.AuditEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A room's moderation actions, newest kept, bounded in count. Never holds message text. Each
 * entry names its actor and target as they were called at the time, so the log still reads
 * after they have left. Entries are numbered in the order recorded, from 0, so that a store can
 * keep each one as it comes ({@link #entry}, {@link #restore}).
 */
public final class AuditLog {
    private final int capacity;
    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();
    /** How many entries were ever recorded: the number of the next one. */
    private long recorded;

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
        recorded++;
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** The number the next entry gets; the entries held are those from {@code recorded() - size} on. */
    public long recorded() {
        return recorded;
    }

    /** The entry with this number, or null when it was never recorded or the bound dropped it. */
    public AuditEntry entry(long number) {
        long back = recorded - 1 - number;
        if (number < 0 || back < 0 || back >= entries.size()) {
            return null;
        }
        Iterator<AuditEntry> newestFirst = entries.descendingIterator();
        for (long i = 0; i < back; i++) {
            newestFirst.next();
        }
        return newestFirst.next();
    }

    /**
     * Replaces the log with kept entries, oldest first (the newest {@link #capacity} of them stay),
     * numbered so that the next one recorded is {@code next}.
     */
    public void restore(List<AuditEntry> oldestFirst, long next) {
        entries.clear();
        for (AuditEntry entry : oldestFirst) {
            entries.addLast(entry);
            if (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
        recorded = Math.max(next, entries.size());
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
