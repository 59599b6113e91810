package dev.haven.server.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's audit log: every call, who made it (the token's subject, or nobody when it had
 * no valid token), what it was (the method and the route, such as {@code PATCH
 * /api/v1/rooms/{id}}), its target (a room or user id) and the status it got. Never a body, a
 * name or a token. The last {@value #KEPT} entries are kept in memory for {@code GET
 * /api/v1/audit}, and each is a log line. Thread-safe through its monitor.
 */
final class AdminAudit {
    static final int KEPT = 500;
    private static final Logger log = LoggerFactory.getLogger(AdminAudit.class);

    /** @param actor null when the call carried no valid token */
    record Entry(long ts, String actor, String action, String target, int status, String remote) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    void record(Entry entry) {
        log.info("admin actor={} action=\"{}\" target={} status={} remote={}", entry.actor(), entry.action(),
                entry.target(), entry.status(), entry.remote());
        synchronized (this) {
            if (entries.size() == KEPT) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    /** The newest entries, newest last. */
    synchronized List<Entry> last(int limit) {
        List<Entry> all = new ArrayList<>(entries);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }
}
