package dev.haven.client.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelMatchers;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * <b>The reference</b>: the least a Netty WebSocket broadcast server does, so that every figure
 * of Haven can be given as a ratio to "the same load on bare Netty" measured in the same run.
 * It has no chat logic at all: no identities, rooms with rules, sequence numbers, history,
 * rate limits or JSON parsing.
 *
 * <p>It speaks just enough of Haven's protocol that the load tool drives it through the very
 * same code as Haven (there is no separate reference mode in the tool; {@code --target} is
 * only a label in the report):
 * <ul>
 *   <li>{@code hello} and {@code ping} are answered {@code {"type":"ok","id":…}};</li>
 *   <li>{@code join {room}} puts the connection in that group (a Netty {@link ChannelGroup}),
 *       leaving any group it was in, and is answered the same way;</li>
 *   <li>any other text frame is written, unchanged, to every member of the connection's group,
 *       the sender included, and answered {@code ok}. The tool's {@code send} frames thus
 *       arrive as {@code {"type":"send",…}} instead of Haven's {@code message} event; the
 *       tool reads only their {@code clientId} stamp, which both carry.</li>
 * </ul>
 * The frame is shared, not copied: {@link ChannelGroup#writeAndFlush} writes a retained
 * duplicate to each member (with void promises, so no future per write) and releases the
 * original. Threads as in Haven: one acceptor, Netty's default worker loops (two per core), NIO.
 */
final class ReferenceBroadcastServer implements AutoCloseable {
    private static final int MAX_FRAME_BYTES = 65536;

    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final Map<String, ChannelGroup> groups = new ConcurrentHashMap<>();
    private final Channel serverChannel;

    private ReferenceBroadcastServer(String host, int port) {
        LoopbackOnly.requireLoopback(host);
        WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws")
                .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(MAX_FRAME_BYTES).build())
                .build();
        try {
            serverChannel = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            ChannelPipeline pipeline = channel.pipeline();
                            pipeline.addLast("http-codec", new HttpServerCodec());
                            pipeline.addLast("http-aggregator", new HttpObjectAggregator(MAX_FRAME_BYTES));
                            pipeline.addLast("websocket", new WebSocketServerProtocolHandler(webSocket));
                            pipeline.addLast("member", new MemberHandler());
                        }
                    })
                    .bind(host, port)
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw e;
        }
    }

    /** Binds to a loopback address; port 0 picks a free one. */
    static ReferenceBroadcastServer start(String host, int port) {
        return new ReferenceBroadcastServer(host, port);
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        groups.values().forEach(group -> group.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
        shutdownGroups();
    }

    private void shutdownGroups() {
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    /** One connection: the group it joined lives here, in the per-channel handler. */
    private final class MemberHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private ChannelGroup group;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ByteBuf content = frame.content();
            if (FrameScanner.kind(content) != FrameScanner.Kind.SEND) {
                String type = FrameScanner.type(content);
                if ("join".equals(type)) {
                    join(ctx.channel(), FrameScanner.room(content));
                    ok(ctx, FrameScanner.id(content));
                    return;
                }
                if ("hello".equals(type) || "ping".equals(type)) {
                    ok(ctx, FrameScanner.id(content));
                    return;
                }
            }
            if (group != null) {
                group.writeAndFlush(frame.retain(), ChannelMatchers.all(), true);
            }
            ok(ctx, FrameScanner.id(content));
        }

        private void join(Channel channel, String room) {
            if (room == null) {
                return;
            }
            if (group != null) {
                group.remove(channel);
            }
            group = groups.computeIfAbsent(room, name -> new DefaultChannelGroup(name, GlobalEventExecutor.INSTANCE));
            group.add(channel);
        }

        private void ok(ChannelHandlerContext ctx, String id) {
            String reply = id == null ? "{\"type\":\"ok\"}" : "{\"type\":\"ok\",\"id\":\"" + id + "\"}";
            ctx.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(ctx.alloc(), reply)),
                    ctx.voidPromise());
        }
    }
}
