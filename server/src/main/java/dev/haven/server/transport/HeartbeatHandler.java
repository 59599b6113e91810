package dev.haven.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Keeps connections honest. The {@code IdleStateHandler} at the head of the pipeline sees
 * every byte read and reports a period without any; after the first such period this handler
 * pings, after the second it closes. Before the WebSocket handshake there is nobody to ping,
 * so an idle HTTP connection is closed at once.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {
    private boolean upgraded;

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            upgraded = true;
        } else if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (!upgraded) {
                ctx.close();
            } else if (idle.isFirst()) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            } else {
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "heartbeat timeout"))
                        .addListener(future -> ctx.close());
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }
}
