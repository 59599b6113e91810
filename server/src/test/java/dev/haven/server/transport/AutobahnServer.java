package dev.haven.server.transport;

import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.limits.ConnectionLimiter;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.Map;

/**
 * The server the Autobahn suite tests ({@code mvn -Pautobahn}): Haven's own pipeline, built by
 * {@link HavenChannelInitializer} with the built-in configuration and its limits, with an
 * {@link EchoHandler} where the chat handler would be, on 127.0.0.1 only. The suite's client
 * asks for {@code /}, so one handler added for it alone maps {@code /} to {@code /ws}.
 * The Maven plugin calls {@code main} with the port and interrupts it when the suite is done.
 */
public final class AutobahnServer {
    private AutobahnServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9001;
        HavenConfig config = new ConfigLoader().load(null, Map.of());
        HavenChannelInitializer haven = new HavenChannelInitializer(config, PipelineHarness.STATUS,
                new ConnectionLimiter(config.limits()), null, EchoHandler::new);
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            haven.initChannel(channel);
                            channel.pipeline().addAfter(HavenChannelInitializer.HTTP_AGGREGATOR, "autobahn-root",
                                    new RootToWebSocketPath());
                        }
                    })
                    .bind("127.0.0.1", port).sync().channel();
            System.out.println("Haven's pipeline with an echo handler, for Autobahn, on ws://127.0.0.1:" + port + "/");
            server.closeFuture().sync();
        } finally {
            acceptor.shutdownGracefully();
            workers.shutdownGracefully();
        }
    }

    /** The suite's client connects to {@code /}; Haven serves WebSockets on {@code /ws}. */
    private static final class RootToWebSocketPath extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof FullHttpRequest request && "/".equals(request.uri())) {
                request.setUri(HavenChannelInitializer.WEBSOCKET_PATH);
            }
            ctx.fireChannelRead(message);
        }
    }
}
