package dev.haven.server.room;

import dev.haven.protocol.server.Alert;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Reports that reached no facilitator (none was present, or the only one present wrote the
 * reported message), kept for the next facilitator who comes in and may see them. Bounded:
 * past {@link #MAX_PENDING} the oldest is dropped. Used on the room's executor alone.
 */
final class PendingReports {
    static final int MAX_PENDING = 50;

    private final Deque<Alert> pending = new ArrayDeque<>();

    /** @return whether an older report had to be dropped to make room */
    boolean add(Alert report) {
        boolean dropped = false;
        if (pending.size() == MAX_PENDING) {
            pending.removeFirst();
            dropped = true;
        }
        pending.addLast(report);
        return dropped;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Forgets every report waiting: the session they belong to is over. */
    void clear() {
        pending.clear();
    }

    /**
     * Takes out, oldest first, the reports this facilitator may receive: all but those about
     * its own messages, which keep waiting for another facilitator.
     */
    List<Alert> takeFor(String facilitatorId) {
        List<Alert> taken = new ArrayList<>();
        for (Iterator<Alert> it = pending.iterator(); it.hasNext(); ) {
            Alert report = it.next();
            if (!facilitatorId.equals(report.member())) {
                taken.add(report);
                it.remove();
            }
        }
        return taken;
    }
}
