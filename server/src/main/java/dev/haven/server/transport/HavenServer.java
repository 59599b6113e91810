package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ProtocolCodec;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.haven.server.admin.AdminApi;
import dev.haven.server.admin.AdminCluster;
import dev.haven.server.admin.ServerControl;
import dev.haven.server.auth.TokenService;
import dev.haven.server.care.AlertObserver;
import dev.haven.server.care.CareServices;
import dev.haven.server.cluster.ClusterNode;
import dev.haven.server.cluster.StandbyExecutor;
import dev.haven.server.cluster.ClusterStores;
import dev.haven.server.cluster.NodeId;
import dev.haven.server.cluster.RedisRoomCatalog;
import dev.haven.server.cluster.RedisStores;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.metrics.ConnectionMeter;
import dev.haven.server.metrics.HavenMetrics;
import dev.haven.server.paging.PageScheduler;
import dev.haven.server.paging.WebhookPager;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomExecutor;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.room.RoomTimers;
import dev.haven.server.session.RequestDispatcher;
import dev.haven.server.state.Fence;
import dev.haven.server.state.RoomCatalog;
import dev.haven.server.state.CatalogSnapshot;
import dev.haven.server.state.RoomStateStore;
import dev.haven.server.state.StateUnavailableException;
import dev.haven.server.state.StateWrites;
import io.micrometer.core.instrument.Gauge;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.internal.PlatformDependent;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Haven server: one port serving {@code /ws}, the web page, {@code /healthz},
 * {@code /metrics} and the admin API ({@code /api/v1}).
 *
 * <p>One acceptor thread and a pool of worker event loops (Netty's default: two per core) run
 * the connections; each room is bound to one of the same worker loops. The transport is NIO:
 * Haven pins one Netty version for every module, and the native epoll library is not
 * published for it. With {@code server.tls} the same port speaks {@code wss://} (and HTTPS for
 * {@code /healthz}).
 */
public final class HavenServer implements AutoCloseable, ServerStatus, ServerControl {
    private static final Logger log = LoggerFactory.getLogger(HavenServer.class);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final HavenConfig config;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ChannelGroup connections;
    private final RoomRegistry rooms;
    private final Channel serverChannel;
    private final Instant startedAt;
    private final Clock clock;
    private final HavenMetrics metrics;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Null for plain {@code ws://}. */
    private final SslContext tls;
    /** This process as a node of a cluster ({@code cluster.redis.uri}); null alone. */
    private final ClusterNode cluster;
    /** Which rooms' state could not be kept, for {@code /healthz}. */
    private final StateWrites stateWrites = new StateWrites();

    /**
     * What a server keeps or sends beyond itself.
     *
     * @param catalog     the rooms changed at run time: the state directory's, or in memory
     * @param pageRetries where escalation pages wait to be retried; null for the event loops
     * @param roomStates  where a lone server keeps its rooms' state (the state directory's), or
     *                    null to keep nothing; a node of a cluster keeps it in Redis instead
     */
    public record Options(RoomCatalog catalog, PageScheduler pageRetries, RoomStateStore roomStates) {
        public Options(RoomCatalog catalog, PageScheduler pageRetries) {
            this(catalog, pageRetries, null);
        }

        public static Options inMemory() {
            return new Options(RoomCatalog.inMemory(), null, null);
        }
    }

    private HavenServer(HavenConfig config, TokenService tokens, Clock clock, RoomTimers timers, Options options) {
        this.config = config;
        this.clock = clock;
        this.startedAt = clock.instant();
        // Read the certificate and key before any thread starts: a bad file stops the start cleanly.
        this.tls = config.server().tls() == null ? null : ServerTls.context(config.server().tls());
        this.acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        this.connections = new DefaultChannelGroup("haven-connections", GlobalEventExecutor.INSTANCE);
        ProtocolCodec codec = new ProtocolCodec();
        NettyFrameEncoder encoder = new NettyFrameEncoder(codec, ByteBufAllocator.DEFAULT);
        this.metrics = new HavenMetrics(config.metrics());
        AlertObserver alerts = metrics.alerts();
        if (!config.paging().webhooks().isEmpty()) {
            PageScheduler retries = options.pageRetries() != null ? options.pageRetries()
                    : (task, delay) -> workers.next().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            alerts = alerts.andThen(new WebhookPager(config.paging(), this::publicUrl, clock, retries,
                    HttpClient.newBuilder().connectTimeout(WebhookPager.CONNECT_TIMEOUT).build()));
        }
        // A node of a cluster keeps the rooms changed at run time in Redis, for every node.
        ClusterStores clusterStores = config.cluster().enabled() ? RedisStores.connect(config.cluster().redis(),
                NodeId.random(), config.history().maxMessages(), Duration.ofSeconds(config.history().maxAgeSeconds()))
                : null;
        RoomCatalog catalog = clusterStores == null ? options.catalog() : RedisRoomCatalog.of(clusterStores);
        HavenConfig served = config.withRooms(loadCatalog(catalog).applyTo(config.rooms()));
        Supplier<RoomExecutor> loops = () -> new EventLoopRoomExecutor(workers.next(), timers);
        // In a cluster, a room runs on an event loop only on the node that serves it, built for that tenure.
        this.rooms = new RoomRegistry(served, clusterStores != null ? StandbyExecutor::new : loops, clock, encoder,
                CareServices.create(config, clock, alerts), metrics.messages());
        this.cluster = clusterStores == null ? null
                : ClusterNode.start(clusterStores, rooms, loops, encoder, clock, stateWrites);
        if (cluster == null && options.roomStates() != null) {
            restoreRooms(options.roomStates());
        }
        RequestDispatcher dispatcher = new RequestDispatcher(rooms, tokens,
                tokens.guestResume(Duration.ofSeconds(config.auth().guestResumeSeconds())), config.auth().allowGuests(),
                config.server().heartbeatSeconds());
        long helloTimeoutMillis = TimeUnit.SECONDS.toMillis(config.server().helloTimeoutSeconds());
        AdminApi adminApi = new AdminApi(rooms, catalog, tokens, this, clock, Ticker.systemTicker(),
                config.limits().maxTextChars(), cluster == null ? AdminCluster.ALONE : cluster.admin());
        if (cluster != null) {
            cluster.serveAdmin(adminApi::handleHere, this::endSessions);
        }
        ConnectionMeter connectionMeter = metrics.connections();
        LoopDrains drains = new LoopDrains();
        HavenChannelInitializer initializer = new HavenChannelInitializer(config, this,
                new ConnectionLimiter(config.limits()), tls,
                () -> new ConnectionHandler(codec, encoder, dispatcher, connections, helloTimeoutMillis,
                        config.limits(), clock, connectionMeter::rejected, drains), metrics, adminApi);
        metrics.bindServer(new HavenMetrics.ServerGauges() {
            @Override
            public int connections() {
                return HavenServer.this.connections();
            }

            @Override
            public int rooms() {
                return HavenServer.this.rooms();
            }

            @Override
            public int roomMembers() {
                return rooms.all().stream().mapToInt(room -> room.info().members()).sum();
            }
        });
        metrics.checkinsOpen(() -> rooms.all().stream().mapToInt(Room::openCheckins).sum());
        Gauge.builder("haven.netty.direct.memory", () -> PlatformDependent.usedDirectMemory())
                .description("Direct memory Netty has allocated, in bytes (-1 when Netty does not track it)")
                .baseUnit("bytes")
                .register(metrics.registry());
        Gauge.builder("haven.netty.pooled.direct.memory", () -> PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory())
                .description("Direct memory held by Netty's pooled allocator, in bytes")
                .baseUnit("bytes")
                .register(metrics.registry());
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .handler(new AcceptorGuard())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer)
                    .bind(config.server().host(), config.server().port())
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            shutdownGroups();
            metrics.close();
            throw e;
        }
        workers.scheduleAtFixedRate(() -> rooms.all().forEach(Room::sweep),
                SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The rooms changed at run time; a node that cannot reach Redis at start serves its configured rooms. */
    private static CatalogSnapshot loadCatalog(RoomCatalog catalog) {
        try {
            return catalog.load();
        } catch (StateUnavailableException e) {
            log.warn("the rooms changed at run time cannot be read now ({}): serving the configured rooms",
                    e.getMessage());
            return CatalogSnapshot.empty();
        }
    }

    /**
     * A lone server keeps its rooms' state in {@code store}: each room loads what was kept before
     * it serves (a room whose state cannot be read stops the start), and writes through from then
     * on; so do rooms created later.
     */
    private void restoreRooms(RoomStateStore store) {
        rooms.whenCreated(room -> room.durableState().restoreFrom(store, Fence.lone(room.id()), stateWrites)
                .whenComplete((done, error) -> {
                    if (error != null) {
                        log.error("the kept state of new room {} cannot be read: {}", room.id(),
                                error.getClass().getSimpleName());
                    }
                }));
        List<CompletableFuture<Void>> restored = rooms.all().stream()
                .map(room -> room.durableState().restoreFrom(store, Fence.lone(room.id()), stateWrites))
                .toList();
        try {
            CompletableFuture.allOf(restored.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            shutdownGroups();
            metrics.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                    ? e.getCause() : e;
            throw new dev.haven.server.config.ConfigException(cause.getMessage()
                    + " (move that room's file out of the state directory's rooms/ to start without it)", cause);
        }
    }

    /** Binds and starts serving; fails if the address cannot be bound. */
    public static HavenServer start(HavenConfig config, TokenService tokens, Clock clock) {
        return start(config, tokens, clock, null);
    }

    /**
     * Binds and starts serving, with the rooms' timers waiting in {@code timers} (null for the
     * event loops' own schedulers), so that a test can move time on.
     */
    public static HavenServer start(HavenConfig config, TokenService tokens, Clock clock, RoomTimers timers) {
        return start(config, tokens, clock, timers, Options.inMemory());
    }

    /** Binds and starts serving, with the rooms kept in {@code options.catalog()}. */
    public static HavenServer start(HavenConfig config, TokenService tokens, Clock clock, RoomTimers timers,
                                    Options options) {
        HavenServer server = new HavenServer(config, tokens, clock, timers, options);
        log.info("listening on {}://{}:{}/ws with {} rooms", server.tls == null ? "ws" : "wss", config.server().host(),
                server.port(), server.rooms());
        return server;
    }

    /** The bound port: the configured one, or the one picked when the configuration says 0. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public RoomRegistry roomRegistry() {
        return rooms;
    }

    @Override
    public long uptimeSeconds() {
        return Duration.between(startedAt, clock.instant()).toSeconds();
    }

    @Override
    public int connections() {
        return connections.size();
    }

    @Override
    public int rooms() {
        return rooms.size();
    }

    public HavenMetrics metrics() {
        return metrics;
    }

    /** Where the web page is served, for links in escalation pages when {@code paging.publicUrl} is unset. */
    private String publicUrl() {
        String host = config.server().host();
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (tls == null ? "http" : "https") + "://" + shown + ":" + port();
    }

    @Override
    public int endSessions(String userId) {
        int closed = 0;
        for (Channel channel : connections) {
            ConnectionHandler handler = channel.pipeline().get(ConnectionHandler.class);
            if (handler != null && handler.closeIfUser(userId)) {
                closed++;
            }
        }
        log.info("sessions ended by an operator user={} connections={}", userId, closed);
        return closed;
    }

    @Override
    public int roomsNotKept() {
        return stateWrites.failingRooms();
    }

    /** This process's id as a node of a cluster (in the log and in Redis), or null when it runs alone. */
    public String nodeId() {
        return cluster == null ? null : cluster.self().value();
    }

    /** Clustered, and Redis does not answer: requests that need it are refused, {@code /healthz} says so. */
    @Override
    public boolean degraded() {
        return cluster != null && !cluster.health().up();
    }

    /**
     * Stops accepting, closes every client with 1001 so it reconnects with backoff, lets every
     * room write what it has not kept yet, then stops the event loops. Returns within about {@code shutdownGraceSeconds} + 2 s. A node of a
     * cluster first gives its rooms up, so that other nodes take them at once, and closes with
     * 1012: its clients reconnect at once, to another node.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        CloseCode code = cluster == null ? CloseCode.GOING_AWAY : CloseCode.SERVICE_RESTART;
        log.info("stopping: closing {} connections with {}", connections.size(), code.code());
        long graceMillis = TimeUnit.SECONDS.toMillis(config.server().shutdownGraceSeconds());
        serverChannel.close().awaitUninterruptibly(graceMillis + 500);
        if (cluster != null) {
            cluster.leave().completeOnTimeout(null, graceMillis, TimeUnit.MILLISECONDS).join();
        }
        connections.writeAndFlush(new CloseWebSocketFrame(code.code(),
                        cluster == null ? "server shutting down" : "service restart"))
                .awaitUninterruptibly(graceMillis);
        connections.close().awaitUninterruptibly(graceMillis);
        keepRoomStates(graceMillis);
        if (cluster != null) {
            cluster.close();
        }
        shutdownGroups();
        metrics.close();
        log.info("stopped");
    }

    /** Every room writes what it has not kept yet, with its exact seq, before the event loops stop. */
    private void keepRoomStates(long waitMillis) {
        CompletableFuture<?>[] flushed = rooms.all().stream()
                .map(room -> room.durableState().flush().exceptionally(error -> null))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(flushed).get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("stopping: some rooms' state was not kept within {} ms", waitMillis);
        }
    }

    private void shutdownGroups() {
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop();
    }
}
