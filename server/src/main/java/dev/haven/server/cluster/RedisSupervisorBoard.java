package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;
import static dev.haven.server.cluster.RedisStores.text;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The supervisors' board in Redis: {@code haven:escalated}, a hash of room and alert id to the
 * alert's frames (JSON, one per line; alerts carry names and a member's note, never message
 * text), and {@code haven:duty}, node id to who its supervisors are. Neither expires: closing an
 * alert deletes its field, and a node's duty counts only while the node is alive.
 */
final class RedisSupervisorBoard implements SupervisorBoard {
    static final LuaScript UPDATE = LuaScript.of("escalation_update.lua");

    private final RedisStores redis;

    RedisSupervisorBoard(RedisStores redis) {
        this.redis = redis;
    }

    @Override
    public CompletableFuture<Void> escalated(String room, String alertId, byte[] frame) {
        return command(() -> redis.commands().hset(RedisKeys.ESCALATED, InMemorySupervisorBoard.key(room, alertId), frame)
                .toCompletableFuture().thenApply(set -> null));
    }

    @Override
    public CompletableFuture<Void> updated(String room, String alertId, byte[] frame) {
        return redis.<Long>run(UPDATE, ScriptOutputType.INTEGER, new String[] {RedisKeys.ESCALATED},
                bytes(InMemorySupervisorBoard.key(room, alertId)), frame).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<Void> closed(String room, String alertId) {
        return command(() -> redis.commands().hdel(RedisKeys.ESCALATED, InMemorySupervisorBoard.key(room, alertId))
                .toCompletableFuture().thenApply(removed -> null));
    }

    @Override
    public CompletableFuture<List<List<byte[]>>> open() {
        return command(() -> redis.commands().hvals(RedisKeys.ESCALATED).toCompletableFuture().thenApply(values -> {
            List<List<byte[]>> all = new ArrayList<>();
            for (byte[] value : values) {
                List<byte[]> frames = new ArrayList<>();
                int start = 0;
                for (int i = 0; i <= value.length; i++) {
                    if (i == value.length || value[i] == '\n') {
                        if (i > start) {
                            frames.add(java.util.Arrays.copyOfRange(value, start, i));
                        }
                        start = i + 1;
                    }
                }
                all.add(frames);
            }
            return all;
        }));
    }

    @Override
    public CompletableFuture<Map<NodeId, byte[]>> duty(NodeId self, byte[] mine) {
        return command(() -> {
            var commands = redis.commands();
            commands.hset(RedisKeys.DUTY, self.value(), mine);
            return commands.hgetall(RedisKeys.DUTY).toCompletableFuture().thenApply(raw -> {
                Map<NodeId, byte[]> all = new HashMap<>();
                raw.forEach((node, value) -> all.put(new NodeId(node), value));
                return all;
            });
        });
    }

    private static <T> CompletableFuture<T> command(java.util.function.Supplier<CompletableFuture<T>> command) {
        try {
            return RedisStores.unavailableOnFailure(command.get());
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
