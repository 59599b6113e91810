package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;
import static dev.haven.server.cluster.RedisStores.text;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The room log in Redis: a stream per room whose entry ids are {@code <seq>-0}, a meta hash
 * (last seq, trimmed, purged, epoch) and a de-duplication hash of {@code user\0clientId} to
 * seq; one Lua script per operation, so that the seq check, the append, the trim by count and
 * age, and the expiry happen at once (see {@code fence.lua} and {@code log_*.lua}). The stream
 * and the de-duplication hash expire after {@code history.maxAgeSeconds} without a message;
 * the meta hash holds no personal data and stays, so a seq is never used twice.
 */
final class RedisRoomLog implements RoomLog {
    static final LuaScript OPEN = LuaScript.of("fence.lua", "log_open.lua");
    static final LuaScript APPEND = LuaScript.of("fence.lua", "log_append.lua");
    static final LuaScript READ = LuaScript.of("fence.lua", "log_read.lua");
    static final LuaScript TRIM = LuaScript.of("fence.lua", "log_trim.lua");
    static final LuaScript DELETE = LuaScript.of("fence.lua", "log_delete.lua");
    static final LuaScript PURGE = LuaScript.of("fence.lua", "log_purge.lua");
    private static final byte[] NONE = new byte[0];

    private final RedisStores redis;
    private final byte[] maxMessages;
    private final long maxAgeMillis;

    RedisRoomLog(RedisStores redis, int maxMessages, Duration maxAge) {
        this.redis = redis;
        this.maxMessages = bytes(maxMessages);
        this.maxAgeMillis = maxAge.toMillis();
    }

    @Override
    public CompletableFuture<Opened> open(Lease lease, long floorSeq) {
        return redis.<List<Object>>run(OPEN, ScriptOutputType.MULTI,
                        new String[] {RedisKeys.lease(lease.room()), RedisKeys.logMeta(lease.room())},
                        bytes(lease.token()), bytes(floorSeq), bytes(UUID.randomUUID()))
                .thenApply(reply -> {
                    checkFence(lease, reply);
                    return new Opened((Long) reply.get(1), text(reply.get(2)), (Long) reply.get(3) == 1);
                });
    }

    @Override
    public CompletableFuture<Appended> append(Lease lease, Entry entry) {
        String room = lease.room();
        return redis.<List<Object>>run(APPEND, ScriptOutputType.MULTI, allKeys(room),
                        bytes(lease.token()), bytes(entry.seq()), bytes(entry.ts()), bytes(entry.userId()),
                        entry.clientId() == null ? NONE : bytes(entry.clientId()), entry.event(), maxMessages,
                        bytes(entry.ts() - maxAgeMillis), bytes(maxAgeMillis))
                .thenApply(reply -> {
                    checkFence(lease, reply);
                    return switch (text(reply.get(0))) {
                        case "ok" -> new Appended(Outcome.APPENDED, (Long) reply.get(1));
                        case "duplicate" -> new Appended(Outcome.DUPLICATE, (Long) reply.get(1));
                        case "conflict" -> new Appended(Outcome.CONFLICT, (Long) reply.get(1));
                        case "missing" -> new Appended(Outcome.MISSING, 0);
                        default -> throw new IllegalStateException("log_append.lua answered " + text(reply.get(0)));
                    };
                });
    }

    @Override
    public CompletableFuture<Optional<Held>> read(String room, long afterSeq) {
        return redis.<List<Object>>run(READ, ScriptOutputType.MULTI,
                        new String[] {RedisKeys.lease(room), RedisKeys.logMeta(room), RedisKeys.log(room)},
                        bytes(afterSeq))
                .thenApply(reply -> {
                    if (text(reply.get(0)).equals("missing")) {
                        return Optional.empty();
                    }
                    List<Entry> entries = new ArrayList<>();
                    for (Object raw : (List<?>) reply.get(4)) {
                        entries.add(entry((List<?>) raw));
                    }
                    return Optional.of(new Held((Long) reply.get(1), (Long) reply.get(2), text(reply.get(3)),
                            List.copyOf(entries)));
                });
    }

    @Override
    public CompletableFuture<Boolean> delete(Lease lease, long seq) {
        return redis.<List<Object>>run(DELETE, ScriptOutputType.MULTI, new String[] {RedisKeys.lease(lease.room()),
                        RedisKeys.logMeta(lease.room()), RedisKeys.log(lease.room())}, bytes(lease.token()), bytes(seq))
                .thenApply(reply -> {
                    checkFence(lease, reply);
                    return (Long) reply.get(1) == 1;
                });
    }

    @Override
    public CompletableFuture<Void> purge(Lease lease, long throughSeq) {
        return redis.<List<Object>>run(PURGE, ScriptOutputType.MULTI, allKeys(lease.room()), bytes(lease.token()),
                        bytes(throughSeq))
                .thenApply(reply -> {
                    checkFence(lease, reply);
                    return null;
                });
    }

    @Override
    public CompletableFuture<Long> trim(Lease lease, long nowMillis) {
        return redis.<List<Object>>run(TRIM, ScriptOutputType.MULTI, allKeys(lease.room()), bytes(lease.token()),
                        maxMessages, bytes(nowMillis - maxAgeMillis))
                .thenApply(reply -> {
                    checkFence(lease, reply);
                    return (Long) reply.get(1);
                });
    }

    /** A fenced script's answer {@code {'fenced'}} becomes a {@link FencedException}. */
    static void checkFence(Lease lease, List<Object> reply) {
        if (text(reply.get(0)).equals("fenced")) {
            throw new FencedException(lease.room());
        }
    }

    private static String[] allKeys(String room) {
        return new String[] {RedisKeys.lease(room), RedisKeys.logMeta(room), RedisKeys.log(room),
                RedisKeys.logDedup(room)};
    }

    /** A stream entry: {@code [id, [field, value, ...]]}. */
    private static Entry entry(List<?> raw) {
        String id = text(raw.get(0));
        long seq = Long.parseLong(id.substring(0, id.indexOf('-')));
        List<?> fields = (List<?>) raw.get(1);
        String user = null;
        String client = null;
        long ts = 0;
        byte[] event = NONE;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            switch (text(fields.get(i))) {
                case "u" -> user = text(fields.get(i + 1));
                case "c" -> client = text(fields.get(i + 1));
                case "t" -> ts = Long.parseLong(text(fields.get(i + 1)));
                case "d" -> event = (byte[]) fields.get(i + 1);
                default -> {
                    // A field a later version added: ignored.
                }
            }
        }
        return new Entry(seq, user, client == null || client.isEmpty() ? null : client, ts, event);
    }
}
