package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;
import static dev.haven.server.cluster.RedisStores.text;

import dev.haven.server.state.Fence;
import dev.haven.server.state.RoomStateStore;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Room state in Redis: one hash per room, written by fenced scripts. The fence is the owner's
 * {@link Lease}; any other fence's token is refused like a lease that lapsed.
 */
final class RedisRoomStateStore implements RoomStateStore {
    static final LuaScript WRITE = LuaScript.of("fence.lua", "state_write.lua");
    private static final byte[] CLEAR = bytes("*");

    private final RedisStores redis;

    RedisRoomStateStore(RedisStores redis) {
        this.redis = redis;
    }

    @Override
    public CompletableFuture<Void> write(Fence lease, Map<String, byte[]> parts) {
        List<byte[]> args = new ArrayList<>(1 + 2 * parts.size());
        args.add(bytes(lease.token()));
        parts.forEach((name, value) -> {
            if (name.equals("*")) {
                throw new IllegalArgumentException("'*' is not a part's name");
            }
            args.add(bytes(name));
            args.add(value);
        });
        return run(lease, args.toArray(byte[][]::new));
    }

    @Override
    public CompletableFuture<Void> clear(Fence lease) {
        return run(lease, bytes(lease.token()), CLEAR);
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> load(String room) {
        try {
            return RedisStores.unavailableOnFailure(redis.commands().hgetall(RedisKeys.state(room)).toCompletableFuture())
                    .thenApply(HashMap::new);
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> run(Fence lease, byte[]... args) {
        return redis.<List<Object>>run(WRITE, ScriptOutputType.MULTI,
                new String[] {RedisKeys.lease(lease.room()), RedisKeys.state(lease.room())}, args)
                .thenApply(reply -> {
                    if (text(reply.get(0)).equals("fenced")) {
                        throw new FencedException(lease.room());
                    }
                    return null;
                });
    }
}
