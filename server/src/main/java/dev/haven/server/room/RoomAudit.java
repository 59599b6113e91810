package dev.haven.server.room;

import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.server.moderation.AuditLog;
import java.util.List;

/**
 * The room's audit log, naming each entry's actor and target as they were called when it was
 * recorded: from who is present, who waits to be admitted, the room's check-ins, the held
 * messages, then the log's own earlier entries. A facilitator reading the log after a member
 * left sees the member's name, not a bare id. Each entry recorded is kept ({@link DurableState}).
 * Used on the room's executor alone.
 */
final class RoomAudit {
    private final Room room;
    private final AuditLog log;

    RoomAudit(Room room, int capacity) {
        this.room = room;
        this.log = new AuditLog(capacity);
    }

    /** Records an action, finding the names of its actor and target. */
    void record(long ts, String actor, String action, String target, String reason) {
        record(ts, actor, nameOf(actor), action, target, nameOf(target), reason);
    }

    void record(long ts, String actor, String actorName, String action, String target, String targetName,
                String reason) {
        record(ts, actor, actorName, action, target, targetName, reason, null);
    }

    /** @param until the end of a timed mute or ban, or null */
    void record(long ts, String actor, String actorName, String action, String target, String targetName,
                String reason, Long until) {
        log.record(ts, actor, actorName != null ? actorName : nameOf(actor), action, target,
                targetName != null ? targetName : nameOf(target), reason, until);
        room.durable.auditRecorded(log.recorded() - 1, log.capacity());
    }

    long recorded() {
        return log.recorded();
    }

    int capacity() {
        return log.capacity();
    }

    /** The entry with this number (0 the first recorded), or null. */
    AuditEntry entry(long number) {
        return log.entry(number);
    }

    /** The kept entries, oldest first, numbered so that the next one is {@code next}. */
    void restore(List<AuditEntry> oldestFirst, long next) {
        log.restore(oldestFirst, next);
    }

    List<AuditEntry> newest(int limit) {
        return log.newest(limit);
    }

    /** The user's name in this room as far as the room still knows it, or null. */
    String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        Member member = room.presence.get(userId);
        if (member != null) {
            return member.name();
        }
        for (WaitingRoom.Waiter waiter : room.waiting.all()) {
            if (waiter.identity().id().equals(userId)) {
                return waiter.identity().name();
            }
        }
        String name = room.checkins.nameOf(userId);
        if (name != null) {
            return name;
        }
        List<MessageEvent> held = room.history.all();
        for (int i = held.size() - 1; i >= 0; i--) {
            if (held.get(i).from().id().equals(userId)) {
                return held.get(i).from().name();
            }
        }
        return log.lastNameOf(userId);
    }
}
