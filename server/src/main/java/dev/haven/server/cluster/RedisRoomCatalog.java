package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.state.CatalogSnapshot;
import dev.haven.server.state.RoomCatalog;
import dev.haven.server.state.StateUnavailableException;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The rooms operators created, changed or archived at run time, in Redis, for every node of a
 * cluster and across their restarts: a hash {@code haven:{rooms}} of room id to its settings as
 * JSON (an empty value once archived), and the order each was first saved in. A node reads it at
 * start, over its configured rooms, as a lone node reads {@code rooms.json}. Telling the nodes
 * already running of a change is the cluster's business (the room's owner applies it).
 *
 * <p>{@link RoomCatalog} is called synchronously by the admin API: each call waits at most
 * {@link RedisStores#COMMAND_TIMEOUT} for Redis, and fails at once with
 * {@link StateUnavailableException} while Redis is known to be unreachable. Thread-safe.
 */
public final class RedisRoomCatalog implements RoomCatalog {
    static final LuaScript PUT = LuaScript.of("catalog_put.lua");
    private static final String[] KEYS = {RedisKeys.ROOMS, RedisKeys.ROOMS_ORDER, RedisKeys.ROOMS_NEXT};

    private final RedisStores redis;
    private final ObjectMapper json = ProtocolCodec.newMapper();

    private RedisRoomCatalog(RedisStores redis) {
        this.redis = redis;
    }

    /** The catalog of the cluster these stores connect to. @throws IllegalArgumentException for stores not in Redis */
    public static RoomCatalog of(ClusterStores stores) {
        if (!(stores.resources() instanceof RedisStores redis)) {
            throw new IllegalArgumentException("a catalog in Redis needs stores connected to Redis");
        }
        return new RedisRoomCatalog(redis);
    }

    @Override
    public CatalogSnapshot load() {
        Map<String, byte[]> rooms = hgetall(RedisKeys.ROOMS);
        Map<String, byte[]> order = hgetall(RedisKeys.ROOMS_ORDER);
        List<String> ids = new ArrayList<>(rooms.keySet());
        ids.sort(Comparator.comparingLong((String id) -> order.containsKey(id)
                ? Long.parseLong(new String(order.get(id), StandardCharsets.UTF_8)) : Long.MAX_VALUE)
                .thenComparing(id -> id));
        List<RoomSettings> saved = new ArrayList<>();
        Set<String> archived = new HashSet<>();
        for (String id : ids) {
            byte[] value = rooms.get(id);
            if (value.length == 0) {
                archived.add(id);
                continue;
            }
            try {
                saved.add(json.readValue(value, RoomSettings.class));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("the settings of room " + id + " in Redis cannot be read: "
                        + e.getClass().getSimpleName(), e);
            }
        }
        return new CatalogSnapshot(saved, archived);
    }

    @Override
    public void put(RoomSettings room) {
        try {
            save(room.id(), json.writeValueAsBytes(room));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the settings of room " + room.id(), e);
        }
    }

    @Override
    public void archive(String roomId) {
        save(roomId, new byte[0]);
    }

    private void save(String id, byte[] value) {
        if (!redis.up()) {
            throw unavailable(null);
        }
        await(redis.run(PUT, ScriptOutputType.INTEGER, KEYS, bytes(id), value));
    }

    private Map<String, byte[]> hgetall(String key) {
        try {
            return await(redis.commands().hgetall(key).toCompletableFuture());
        } catch (StoreUnavailableException e) {
            throw unavailable(e);
        }
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(RedisStores.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    private StateUnavailableException unavailable(Throwable cause) {
        return new StateUnavailableException("the cluster's store (Redis) does not answer; try again shortly",
                redis.retryAfterMillis(), cause);
    }
}
