package dev.haven.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The room log in this process's memory, behaving as {@code RedisRoomLog} does (the same
 * contract test runs against both), fenced by an {@link InMemoryRoomLease}. Thread-safe: every
 * method holds the object's lock.
 */
final class InMemoryRoomLog implements RoomLog {
    private final InMemoryRoomLease leases;
    private final Clock clock;
    private final int maxMessages;
    private final long maxAgeMillis;
    private final Map<String, Log> logs = new HashMap<>();

    /** One room's log: its meta, and the held entries, which lapse together after a quiet maxAge. */
    private static final class Log {
        long seq;
        long trimmed;
        long purged;
        final String epoch = UUID.randomUUID().toString();
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        final Map<String, Long> dedup = new HashMap<>();
        long entriesExpireAt;
        boolean entriesExist;
    }

    InMemoryRoomLog(InMemoryRoomLease leases, Clock clock, int maxMessages, Duration maxAge) {
        this.leases = leases;
        this.clock = clock;
        this.maxMessages = maxMessages;
        this.maxAgeMillis = maxAge.toMillis();
    }

    @Override
    public synchronized CompletableFuture<Opened> open(Lease lease, long floorSeq) {
        if (!leases.holds(lease)) {
            return fenced(lease);
        }
        Log log = logs.get(lease.room());
        boolean created = log == null;
        if (created) {
            log = new Log();
            log.seq = floorSeq;
            log.trimmed = floorSeq;
            logs.put(lease.room(), log);
        }
        return CompletableFuture.completedFuture(new Opened(log.seq, log.epoch, created));
    }

    @Override
    public synchronized CompletableFuture<Appended> append(Lease lease, Entry entry) {
        if (!leases.holds(lease)) {
            return fenced(lease);
        }
        Log log = logs.get(lease.room());
        if (log == null) {
            return CompletableFuture.completedFuture(new Appended(Outcome.MISSING, 0));
        }
        lapse(log);
        String key = entry.userId() + '\u0000' + entry.clientId();
        if (entry.clientId() != null && log.dedup.containsKey(key)) {
            return CompletableFuture.completedFuture(new Appended(Outcome.DUPLICATE, log.dedup.get(key)));
        }
        if (entry.seq() != log.seq + 1) {
            return CompletableFuture.completedFuture(new Appended(Outcome.CONFLICT, log.seq));
        }
        if (!log.entriesExist && log.seq > log.purged) {
            log.trimmed = log.seq;
        }
        log.entries.addLast(entry);
        log.seq = entry.seq();
        if (entry.clientId() != null) {
            log.dedup.put(key, entry.seq());
        }
        trim(log, entry.ts() - maxAgeMillis);
        log.entriesExist = true;
        log.entriesExpireAt = clock.millis() + maxAgeMillis;
        return CompletableFuture.completedFuture(new Appended(Outcome.APPENDED, entry.seq()));
    }

    @Override
    public synchronized CompletableFuture<Optional<Held>> read(String room, long afterSeq) {
        Log log = logs.get(room);
        if (log == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        lapse(log);
        long trimmed = !log.entriesExist && log.seq > log.purged ? Math.max(log.trimmed, log.seq) : log.trimmed;
        List<Entry> after = new ArrayList<>();
        for (Entry entry : log.entries) {
            if (entry.seq() > afterSeq) {
                after.add(entry);
            }
        }
        return CompletableFuture.completedFuture(Optional.of(new Held(log.seq, trimmed, log.epoch, List.copyOf(after))));
    }

    @Override
    public synchronized CompletableFuture<Boolean> delete(Lease lease, long seq) {
        if (!leases.holds(lease)) {
            return fenced(lease);
        }
        Log log = logs.get(lease.room());
        boolean removed = log != null && log.entries.removeIf(entry -> entry.seq() == seq);
        return CompletableFuture.completedFuture(removed);
    }

    @Override
    public synchronized CompletableFuture<Void> purge(Lease lease, long throughSeq) {
        if (!leases.holds(lease)) {
            return fenced(lease);
        }
        Log log = logs.get(lease.room());
        if (log != null) {
            if (throughSeq >= log.seq) {
                log.entries.clear();
                log.dedup.clear();
                log.entriesExist = false;
            } else {
                log.entries.removeIf(entry -> {
                    if (entry.seq() > throughSeq) {
                        return false;
                    }
                    if (entry.clientId() != null) {
                        log.dedup.remove(entry.userId() + '\u0000' + entry.clientId(), entry.seq());
                    }
                    return true;
                });
            }
            log.purged = Math.min(throughSeq, log.seq);
            if (log.trimmed <= throughSeq) {
                log.trimmed = 0;
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Long> trim(Lease lease, long nowMillis) {
        if (!leases.holds(lease)) {
            return fenced(lease);
        }
        Log log = logs.get(lease.room());
        return CompletableFuture.completedFuture(log == null ? 0L : trim(log, nowMillis - maxAgeMillis));
    }

    /** Forgets every log, as a Redis restarted empty does. */
    synchronized void clear() {
        logs.clear();
    }

    private long trim(Log log, long cutoff) {
        long dropped = 0;
        while (!log.entries.isEmpty()
                && (log.entries.size() > maxMessages || log.entries.peekFirst().ts() < cutoff)) {
            Entry gone = log.entries.removeFirst();
            if (gone.clientId() != null) {
                log.dedup.remove(gone.userId() + '\u0000' + gone.clientId(), gone.seq());
            }
            dropped = gone.seq();
        }
        if (dropped > log.trimmed) {
            log.trimmed = dropped;
        }
        return dropped;
    }

    /** The held entries lapse together once the log was quiet for maxAge, as the stream's key expires. */
    private void lapse(Log log) {
        if (log.entriesExist && clock.millis() >= log.entriesExpireAt) {
            log.entries.clear();
            log.dedup.clear();
            log.entriesExist = false;
        }
    }

    static <T> CompletableFuture<T> fenced(Lease lease) {
        return CompletableFuture.failedFuture(new FencedException(lease.room()));
    }
}
