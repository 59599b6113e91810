package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.auth.TokenService;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.room.RoomTimers;
import dev.haven.server.session.RequestDispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
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
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Haven server: one port serving {@code /ws} and {@code /healthz}.
 *
 * <p>One acceptor thread and a pool of worker event loops (Netty's default: two per core) run
 * the connections; each room is bound to one of the same worker loops. The transport is NIO:
 * Haven pins one Netty version for every module, and the native epoll library is not
 * published for it. With {@code server.tls} the same port speaks {@code wss://} (and HTTPS for
 * {@code /healthz}).
 */
public final class HavenServer implements AutoCloseable, ServerStatus {
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
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Null for plain {@code ws://}. */
    private final SslContext tls;

    private HavenServer(HavenConfig config, TokenService tokens, Clock clock, RoomTimers timers) {
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
        this.rooms = new RoomRegistry(config, () -> new EventLoopRoomExecutor(workers.next(), timers), clock, encoder);
        RequestDispatcher dispatcher = new RequestDispatcher(rooms, tokens,
                tokens.guestResume(Duration.ofSeconds(config.auth().guestResumeSeconds())), config.auth().allowGuests(),
                config.server().heartbeatSeconds());
        long helloTimeoutMillis = TimeUnit.SECONDS.toMillis(config.server().helloTimeoutSeconds());
        HavenChannelInitializer initializer = new HavenChannelInitializer(config, this,
                new ConnectionLimiter(config.limits()), tls,
                () -> new ConnectionHandler(codec, encoder, dispatcher, connections, helloTimeoutMillis,
                        config.limits(), clock));
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer)
                    .bind(config.server().host(), config.server().port())
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw e;
        }
        workers.scheduleAtFixedRate(() -> rooms.all().forEach(Room::sweep),
                SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
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
        HavenServer server = new HavenServer(config, tokens, clock, timers);
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

    /**
     * Stops accepting, closes every client with 1001 so it reconnects with backoff, then
     * stops the event loops. Returns within about {@code shutdownGraceSeconds} + 2 s.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("stopping: closing {} connections with 1001", connections.size());
        long graceMillis = TimeUnit.SECONDS.toMillis(config.server().shutdownGraceSeconds());
        serverChannel.close().awaitUninterruptibly(graceMillis + 500);
        connections.writeAndFlush(new CloseWebSocketFrame(CloseCode.GOING_AWAY.code(), "server shutting down"))
                .awaitUninterruptibly(graceMillis);
        connections.close().awaitUninterruptibly(graceMillis);
        shutdownGroups();
        log.info("stopped");
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
