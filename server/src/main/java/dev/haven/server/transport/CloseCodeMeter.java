package dev.haven.server.transport;

import dev.haven.server.metrics.ConnectionMeter;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/**
 * Counts each WebSocket connection as it ends, by the first close code that passed it either
 * way: the peer's close frame, or one the server wrote ({@link NettyConnection}, the
 * {@link CloseHandshake} behind this handler, the shutdown); 1006 when none did. Sits between
 * the frame aggregator and the close handshake, so it sees both directions; a connection that
 * never upgraded is not counted. State is this handler's, on the channel's loop.
 */
final class CloseCodeMeter extends ChannelDuplexHandler {
    private static final int NO_CLOSE_FRAME = 1006;

    private final ConnectionMeter meter;
    private boolean upgraded;
    private int code;

    CloseCodeMeter(ConnectionMeter meter) {
        this.meter = meter;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            upgraded = true;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof CloseWebSocketFrame close) {
            seen(close);
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof CloseWebSocketFrame close) {
            seen(close);
        }
        ctx.write(message, promise);
    }

    private void seen(CloseWebSocketFrame close) {
        if (code == 0) {
            int status = close.statusCode();
            // A close frame without a code is a normal close (RFC 6455, 7.1.5).
            code = status == -1 ? 1000 : status;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (upgraded) {
            meter.closed(code == 0 ? NO_CLOSE_FRAME : code);
        }
        super.channelInactive(ctx);
    }
}
