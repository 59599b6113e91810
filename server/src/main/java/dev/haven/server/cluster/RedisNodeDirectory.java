package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;
import static dev.haven.server.cluster.RedisStores.text;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Live nodes in Redis: one sorted set, each node scored by when it lapses by Redis's own clock. */
final class RedisNodeDirectory implements NodeDirectory {
    static final LuaScript BEAT = LuaScript.of("node_beat.lua");

    private final RedisStores redis;

    RedisNodeDirectory(RedisStores redis) {
        this.redis = redis;
    }

    @Override
    public CompletableFuture<Set<NodeId>> beat(NodeId self, Duration ttl) {
        return run(self.value(), ttl.toMillis());
    }

    @Override
    public CompletableFuture<Set<NodeId>> live() {
        return run("", 0);
    }

    @Override
    public CompletableFuture<Void> leave(NodeId self) {
        try {
            return RedisStores.unavailableOnFailure(redis.commands().zrem(RedisKeys.NODES, bytes(self))
                    .toCompletableFuture()).thenApply(removed -> null);
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Set<NodeId>> run(String self, long ttlMillis) {
        return redis.<List<Object>>run(BEAT, ScriptOutputType.MULTI, new String[] {RedisKeys.NODES}, bytes(self),
                bytes(ttlMillis)).thenApply(ids -> {
                    Set<NodeId> live = new HashSet<>();
                    for (Object id : ids) {
                        live.add(new NodeId(text(id)));
                    }
                    return Set.copyOf(live);
                });
    }
}
