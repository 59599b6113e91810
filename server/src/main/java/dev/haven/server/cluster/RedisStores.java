package dev.haven.server.cluster;

import dev.haven.server.config.ClusterSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's connections to Redis, and whether Redis answers.
 *
 * <p>One pipelined connection carries every command of the node, so commands issued from one
 * thread (a room's) run in Redis in the order they were issued; the inbox has a connection of
 * its own for its blocking reads ({@link RedisNodeBus}). Lettuce reconnects by itself. While
 * the connection is down commands fail at once ({@link StoreUnavailableException}) rather than
 * queue, and a command Redis does not answer within {@link #COMMAND_TIMEOUT} fails too; commands
 * are never sent twice after a reconnect (at most once: the room log's seq check and the
 * inbox's counters are what make a retry safe). A probe pings Redis every
 * {@link #PROBE_INTERVAL}: the store is {@linkplain #up() up} from the first answer and
 * degraded from the first failure, and the probe keeps trying to connect when the node started
 * while Redis was away.
 *
 * <p><b>Threading.</b> Lettuce completes futures on its own I/O threads: whoever continues
 * after one must hop to its own executor (a room's) before touching its state. The probe runs
 * on a thread of its own, {@code haven-redis}.
 */
public final class RedisStores implements StoreHealth, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisStores.class);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final long RETRY_AFTER_MILLIS = 2000;
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    static final List<LuaScript> SCRIPTS = List.of(
            RedisRoomLease.ACQUIRE, RedisRoomLease.RENEW, RedisRoomLease.RELEASE, RedisNodeDirectory.BEAT,
            RedisNodeBus.SEND, RedisRoomLog.OPEN, RedisRoomLog.APPEND, RedisRoomLog.READ, RedisRoomLog.TRIM,
            RedisRoomLog.DELETE, RedisRoomLog.PURGE, RedisRoomStateStore.WRITE, RedisRoomListings.PUT,
            RedisSupervisorBoard.UPDATE, RedisRoomCatalog.PUT);

    private final String where;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService probe;
    private final CopyOnWriteArrayList<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile boolean up;
    private volatile boolean closed;
    /** Whether this outage was logged already; the probe's thread alone uses it. */
    private boolean warnedUnreachable;

    private RedisStores(ClusterSettings.Redis settings) {
        this.where = ClusterSettings.Redis.redacted(settings.uri());
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(settings.uri());
        uri.setTimeout(COMMAND_TIMEOUT);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .replayFilter(command -> true)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                setUp(false);
            }
        });
        this.probe = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "haven-redis");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects this node to Redis: its stores, with health and recovery. Returns even when Redis
     * cannot be reached now (the node starts degraded and recovers by itself).
     *
     * @param maxMessages and {@code maxAge}: the bounds of each room's log ({@code history.*})
     */
    public static ClusterStores connect(ClusterSettings.Redis settings, NodeId node, int maxMessages, Duration maxAge) {
        RedisStores redis = new RedisStores(settings);
        redis.probeNow();
        redis.probe.scheduleWithFixedDelay(redis::probeNow, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return new ClusterStores(node, redis, new RedisRoomLease(redis), new RedisNodeDirectory(redis),
                new RedisRoomLog(redis, maxMessages, maxAge), new RedisRoomStateStore(redis),
                new RedisNodeBus(redis, node), new RedisRoomListings(redis), new RedisSupervisorBoard(redis), redis);
    }

    @Override
    public boolean up() {
        return up;
    }

    @Override
    public long retryAfterMillis() {
        return RETRY_AFTER_MILLIS;
    }

    @Override
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    /** The node's pipelined connection. @throws StoreUnavailableException before the first connect */
    RedisAsyncCommands<String, byte[]> commands() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current == null) {
            throw new StoreUnavailableException("not connected to Redis", null);
        }
        return current.async();
    }

    /** Runs a script on the node's connection; store failures become {@link StoreUnavailableException}. */
    <T> CompletableFuture<T> run(LuaScript script, ScriptOutputType type, String[] keys, byte[]... args) {
        try {
            return RedisStores.<T>unavailableOnFailure(script.run(commands(), type, keys, args));
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Any command's future, with store failures as {@link StoreUnavailableException}. */
    static <T> CompletableFuture<T> unavailableOnFailure(CompletableFuture<T> future) {
        return future.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            Throwable cause = LuaScript.unwrap(error);
            if (cause instanceof RedisCommandExecutionException) {
                // Redis answered with an error: a bug of ours (a script, a key of the wrong type), not an outage.
                throw new IllegalStateException("Redis refused a command: " + cause.getMessage(), cause);
            }
            if (cause instanceof StoreUnavailableException unavailable) {
                throw unavailable;
            }
            throw new StoreUnavailableException("Redis did not answer: " + cause.getClass().getSimpleName(), cause);
        });
    }

    /** A second connection, for the inbox's blocking reads. */
    StatefulRedisConnection<String, byte[]> connectDedicated() {
        try {
            return client.connect(CODEC);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to Redis", e);
        }
    }

    ScheduledExecutorService scheduler() {
        return probe;
    }

    static byte[] bytes(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    static String text(Object value) {
        return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private void probeNow() {
        if (closed) {
            return;
        }
        if (connection == null) {
            try {
                connection = client.connect(CODEC);
                log.info("connected to Redis at {}", where);
                warnedUnreachable = false;
            } catch (RuntimeException e) {
                if (!warnedUnreachable) {
                    log.warn("cannot reach Redis at {} ({}): requests that need it are answered unavailable until it is back",
                            where, e.getClass().getSimpleName());
                    warnedUnreachable = true;
                }
                setUp(false);
                return;
            }
        }
        try {
            RedisAsyncCommands<String, byte[]> commands = connection.async();
            commands.ping().get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!up) {
                loadScripts(commands);
            }
            setUp(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            setUp(false);
        }
    }

    /** After a (re)connect, so that a Redis that restarted empty runs the scripts by SHA-1 again at once. */
    private static void loadScripts(RedisAsyncCommands<String, byte[]> commands) throws Exception {
        for (LuaScript script : SCRIPTS) {
            commands.scriptLoad(script.body()).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void setUp(boolean value) {
        if (up == value || closed) {
            return;
        }
        up = value;
        if (value) {
            log.info("Redis at {} answers: serving", where);
        } else {
            log.warn("Redis at {} does not answer: degraded until it does", where);
        }
        listeners.forEach(listener -> listener.accept(value));
    }

    @Override
    public void close() {
        closed = true;
        probe.shutdownNow();
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
