package dev.haven.client.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Many WebSocket connections on few threads: Netty's client on the NIO transport, one event
 * loop group of {@code threads} loops for every connection of the run. With several URLs (nodes
 * of one cluster) the i-th member of a run connects to URL i mod n.
 */
final class BenchClient implements AutoCloseable {
    /** A join reply holds the presence list and the held history; give it room. */
    private static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    /** One member to connect: its guest name, its room, and whether it stops reading once joined. */
    record Member(String name, String room, boolean stall) {
    }

    /** How the connecting went. */
    record Joined(List<BenchConnection> connections, int failed, Map<String, Integer> failures, long elapsedNanos,
                  boolean timedOut) {
        double seconds() {
            return elapsedNanos / 1e9;
        }
    }

    private final List<URI> urls;
    private final EventLoopGroup group;
    private final ChannelGroup channels = new DefaultChannelGroup("bench", GlobalEventExecutor.INSTANCE);
    private final Bootstrap bootstrap;

    BenchClient(List<URI> urls, int threads) {
        urls.forEach(LoopbackOnly::check);
        this.urls = List.copyOf(urls);
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    /**
     * Opens, greets and joins every member, at most {@code concurrency} in progress at once.
     * Returns when each has joined or failed, or when {@code timeout} has passed.
     */
    Joined connectAll(List<Member> members, RunStats stats, int concurrency, Duration timeout)
            throws InterruptedException {
        Semaphore inProgress = new Semaphore(concurrency);
        CountDownLatch settled = new CountDownLatch(members.size());
        List<BenchConnection> joined = Collections.synchronizedList(new ArrayList<>(members.size()));
        Map<String, Integer> failures = Collections.synchronizedMap(new TreeMap<>());
        BenchConnection.Outcome outcome = new BenchConnection.Outcome() {
            @Override
            public void joined(BenchConnection connection) {
                joined.add(connection);
                inProgress.release();
                settled.countDown();
            }

            @Override
            public void failed(BenchConnection connection, String reason) {
                failures.merge(reason, 1, Integer::sum);
                inProgress.release();
                settled.countDown();
            }
        };
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        boolean timedOut = false;
        int index = 0;
        for (Member member : members) {
            int node = index++ % urls.size();
            long left = deadline - System.nanoTime();
            if (left <= 0 || !inProgress.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                timedOut = true;
                break;
            }
            open(new BenchConnection(member.name(), member.room(), member.stall(), node, stats, outcome));
        }
        if (!timedOut) {
            timedOut = !settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        long elapsed = System.nanoTime() - start;
        List<BenchConnection> snapshot;
        synchronized (joined) {
            snapshot = List.copyOf(joined);
        }
        int failed;
        Map<String, Integer> failureSnapshot;
        synchronized (failures) {
            failed = failures.values().stream().mapToInt(Integer::intValue).sum();
            failureSnapshot = Map.copyOf(failures);
        }
        return new Joined(snapshot, failed, failureSnapshot, elapsed, timedOut);
    }

    private void open(BenchConnection connection) {
        URI url = urls.get(connection.node());
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(url)
                .version(WebSocketVersion.V13)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .dropPongFrames(true)
                .withUTF8Validator(false)
                .build();
        ChannelFuture connect = bootstrap.clone()
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast("http-codec", new HttpClientCodec());
                        pipeline.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
                        pipeline.addLast("websocket", new WebSocketClientProtocolHandler(config));
                        pipeline.addLast("websocket-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
                        pipeline.addLast("member", connection);
                    }
                })
                .connect(url.getHost(), port(url));
        Channel channel = connect.channel();
        channels.add(channel);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                connection.connectFailed(done.cause());
            }
        });
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    /** Closes every connection and stops the event loops, waiting a bounded time for each. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
