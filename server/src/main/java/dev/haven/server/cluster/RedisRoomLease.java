package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;
import static dev.haven.server.cluster.RedisStores.text;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Room leases in Redis: a key per room holding {@code node|epoch}, with a time to live. */
final class RedisRoomLease implements RoomLease {
    static final LuaScript ACQUIRE = LuaScript.of("lease_acquire.lua");
    static final LuaScript RENEW = LuaScript.of("lease_renew.lua");
    static final LuaScript RELEASE = LuaScript.of("lease_release.lua");

    private final RedisStores redis;

    RedisRoomLease(RedisStores redis) {
        this.redis = redis;
    }

    @Override
    public CompletableFuture<Optional<Lease>> acquire(String room, NodeId node, Duration ttl) {
        return redis.<List<Object>>run(ACQUIRE, ScriptOutputType.MULTI,
                        new String[] {RedisKeys.lease(room), RedisKeys.epochs(room)}, bytes(node), bytes(ttl.toMillis()))
                .thenApply(reply -> (Long) reply.get(0) == 1
                        ? Optional.of(Lease.parse(room, text(reply.get(1))))
                        : Optional.empty());
    }

    @Override
    public CompletableFuture<Boolean> renew(Lease lease, Duration ttl) {
        return redis.<Long>run(RENEW, ScriptOutputType.INTEGER, new String[] {RedisKeys.lease(lease.room())},
                bytes(lease.token()), bytes(ttl.toMillis())).thenApply(renewed -> renewed == 1);
    }

    @Override
    public CompletableFuture<Boolean> release(Lease lease) {
        return redis.<Long>run(RELEASE, ScriptOutputType.INTEGER, new String[] {RedisKeys.lease(lease.room())},
                bytes(lease.token())).thenApply(released -> released == 1);
    }

    @Override
    public CompletableFuture<Optional<Lease>> holder(String room) {
        try {
            return RedisStores.unavailableOnFailure(redis.commands().get(RedisKeys.lease(room)).toCompletableFuture())
                    .thenApply(token -> Optional.ofNullable(token).map(value -> Lease.parse(room, text(value))));
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
