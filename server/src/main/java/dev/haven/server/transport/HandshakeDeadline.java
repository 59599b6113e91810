package dev.haven.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not completed its WebSocket handshake within
 * {@code server.handshakeTimeoutSeconds} of connecting: an idle TCP connection, one stuck in
 * its TLS handshake, or one dribbling its request headers a byte at a time. Netty's own
 * handshake timeout starts only once a whole request reached {@code /ws}; this one starts when
 * the connection does. A plain HTTP request ({@code /healthz}) that arrives whole starts the
 * time for the next one over, so keep-alive health checks are served. The time is kept by the
 * connection's {@link ConnectDeadline}, made here: at the upgrade this handler leaves, and the
 * same deadline, with nothing due, waits for the application to set the hello's.
 */
final class HandshakeDeadline extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HandshakeDeadline.class);

    private final long timeoutMillis;
    private ConnectDeadline deadline;

    HandshakeDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = new ConnectDeadline(ctx.executor());
        ctx.channel().attr(ConnectDeadline.KEY).set(deadline);
        restart(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof FullHttpRequest) {
            restart(ctx);
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            // Upgraded: nothing is due until the application (ConnectionHandler) sets the hello's deadline.
            deadline.clear();
            ctx.pipeline().remove(this);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        deadline.cancel();
        super.channelInactive(ctx);
    }

    private void restart(ChannelHandlerContext ctx) {
        deadline.expireIn(timeoutMillis, () -> {
            log.debug("handshake timeout channel={}", ctx.channel().id().asShortText());
            ctx.close();
        });
    }
}
