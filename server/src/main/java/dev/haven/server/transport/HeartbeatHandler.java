package dev.haven.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;

/**
 * Keeps connections honest: after {@code server.heartbeatSeconds} without a byte from the peer
 * the server pings, and after twice that it closes with 1000 {@code heartbeat timeout}. Before
 * the WebSocket handshake there is nobody to ping, so an HTTP connection idle that long is
 * closed at once.
 *
 * <p>It sits at the head of the pipeline, where every read passes, and notes the time of the
 * last one. It has no timer of its own: its loop's {@link HeartbeatSweep} looks at every
 * connection of the loop a sixteenth of the period apart, so an idle connection costs a
 * handler and a place in a list, where Netty's {@code IdleStateHandler} and a second handler
 * kept a live timer per connection, set again each period. A ping or close is therefore due
 * up to a sixteenth of the period late. Pings and the close are written from the end of the
 * pipeline, so they pass the closing handshake and count against the {@link OutboundBudget}.
 * Used on the channel's event loop only.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {
    private final HeartbeatSweeps sweeps;
    private final long periodNanos;
    private ChannelHandlerContext ctx;
    private HeartbeatSweep sweep;
    private long lastReadNanos;
    private boolean pinged;
    /** Links of the sweep's list, used by {@link HeartbeatSweep} alone. */
    HeartbeatHandler previous;
    HeartbeatHandler next;

    /** @param periodNanos {@code server.heartbeatSeconds} */
    HeartbeatHandler(HeartbeatSweeps sweeps, long periodNanos) {
        this.sweeps = sweeps;
        this.periodNanos = periodNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        lastReadNanos = now();
        sweep = sweeps.of(context.executor(), periodNanos);
        sweep.add(this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        leave();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        leave();
        super.channelInactive(context);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) throws Exception {
        lastReadNanos = now();
        pinged = false;
        super.channelReadComplete(context);
    }

    /** Called by the sweep: pings, or closes, a connection silent for too long. */
    void check(long nowNanos) {
        long silent = nowNanos - lastReadNanos;
        if (silent < periodNanos || !ctx.channel().isActive()) {
            return;
        }
        if (ctx.pipeline().get(WebSocketFrameDecoder.class) == null) {
            leave();
            ctx.close();
        } else if (!pinged) {
            pinged = true;
            ctx.channel().writeAndFlush(new PingWebSocketFrame());
        } else if (silent >= 2 * periodNanos) {
            leave();
            ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "heartbeat timeout"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void leave() {
        if (sweep != null) {
            sweep.remove(this);
            sweep = null;
        }
    }

    private long now() {
        return ctx.executor().ticker().nanoTime();
    }
}
