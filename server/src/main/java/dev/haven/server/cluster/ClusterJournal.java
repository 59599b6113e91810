package dev.haven.server.cluster;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.room.MessageJournal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenure's journal of a room: its {@link RoomLog} in the shared store, written with this
 * node's lease. A fenced write (another node owns the room now) or a missing log (the store lost
 * it) ends the tenure ({@code lost}). Deletions and purges that the store could not take are
 * tried again while the tenure lasts: a deleted message must not come back with a takeover.
 */
final class ClusterJournal implements MessageJournal {
    private static final Logger log = LoggerFactory.getLogger(ClusterJournal.class);
    static final Duration RETRY = Duration.ofSeconds(1);

    private final RoomLog roomLog;
    private final Lease lease;
    private final ProtocolCodec codec;
    private final ScheduledExecutorService retries;
    private final BooleanSupplier current;
    private final Runnable lost;
    private volatile long lastAppended;

    /**
     * @param current whether the tenure still lasts (retries stop when it does not)
     * @param lost    told, on any thread, that the store refused this tenure
     */
    ClusterJournal(RoomLog roomLog, Lease lease, long seq, ProtocolCodec codec, ScheduledExecutorService retries,
                   BooleanSupplier current, Runnable lost) {
        this.roomLog = roomLog;
        this.lease = lease;
        this.lastAppended = seq;
        this.codec = codec;
        this.retries = retries;
        this.current = current;
        this.lost = lost;
    }

    /** The last seq this tenure appended (or found when it began). */
    long lastAppended() {
        return lastAppended;
    }

    @Override
    public CompletableFuture<Appended> append(MessageEvent message) {
        RoomLog.Entry entry = new RoomLog.Entry(message.seq(), message.from().id(), message.clientId(), message.ts(),
                codec.encode(message));
        return roomLog.append(lease, entry).handle((appended, error) -> {
            if (error != null) {
                if (LuaScript.unwrap(error) instanceof FencedException) {
                    lost.run();
                    return new Appended(Outcome.LOST, 0);
                }
                return new Appended(Outcome.UNCERTAIN, 0);
            }
            return switch (appended.outcome()) {
                case APPENDED -> {
                    lastAppended = appended.seq();
                    yield new Appended(Outcome.APPENDED, appended.seq());
                }
                case DUPLICATE -> new Appended(Outcome.DUPLICATE, appended.seq());
                case CONFLICT -> new Appended(Outcome.UNCERTAIN, appended.seq());
                case MISSING -> {
                    log.warn("the log of room {} is gone from the store: the room is taken over again", lease.room());
                    lost.run();
                    yield new Appended(Outcome.LOST, 0);
                }
            };
        });
    }

    @Override
    public CompletableFuture<Tail> after(long seq) {
        return roomLog.read(lease.room(), seq).thenApply(held -> {
            if (held.isEmpty()) {
                lost.run();
                throw new IllegalStateException("the log of room " + lease.room() + " is gone from the store");
            }
            lastAppended = Math.max(lastAppended, held.get().seq());
            return new Tail(held.get().seq(), messages(codec, held.get().entries()));
        });
    }

    @Override
    public void deleted(long seq) {
        retrying("delete", () -> roomLog.delete(lease, seq));
    }

    @Override
    public void purged(long throughSeq) {
        retrying("purge", () -> roomLog.purge(lease, throughSeq));
    }

    @Override
    public void trim(long nowMillis) {
        roomLog.trim(lease, nowMillis).exceptionally(error -> 0L);
    }

    private void retrying(String what, Supplier<CompletableFuture<?>> write) {
        write.get().whenComplete((done, error) -> {
            if (error == null) {
                return;
            }
            if (LuaScript.unwrap(error) instanceof FencedException || !current.getAsBoolean()) {
                log.warn("room {}: a {} did not reach the store before this node gave the room up", lease.room(), what);
                return;
            }
            retries.schedule(() -> retrying(what, write), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** The messages of log entries, decoded from the events the room encoded. */
    static List<MessageEvent> messages(ProtocolCodec codec, List<RoomLog.Entry> entries) {
        List<MessageEvent> messages = new ArrayList<>(entries.size());
        for (RoomLog.Entry entry : entries) {
            try {
                ServerMessage decoded = codec.decodeServer(new String(entry.event(), StandardCharsets.UTF_8), id -> null);
                if (decoded instanceof MessageEvent message) {
                    messages.add(message);
                }
            } catch (ProtocolException e) {
                log.error("a log entry of seq {} cannot be read: {}", entry.seq(), e.code().wireName());
            }
        }
        return messages;
    }
}
