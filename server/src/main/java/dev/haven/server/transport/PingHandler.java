package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.limits.FloodGuard;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Answers a peer's WebSocket pings, within limits; Netty's own handler, which answers every
 * ping at once and whatever the peer reads, never sees them. It sits just before Netty's
 * WebSocket handler.
 * <ul>
 *   <li>Pings have a budget like text frames ({@link FloodGuard}: {@code limits.framesPerSecond},
 *       burst {@code limits.frameBurst}); a ping past it goes unanswered, and a peer refused
 *       more than {@code limits.floodRefusals} times in 10 s is closed with 1008
 *       {@code flooding}.</li>
 *   <li>At most one pong is on its way at a time. A ping that arrives while one is still being
 *       written is answered once that one has gone out, and only the latest such ping
 *       (RFC 6455 section 5.5.3 allows answering the most recent ping alone), so a peer that
 *       pings without reading holds one pong here at most.</li>
 *   <li>Pongs are written from the end of the pipeline, so they pass the closing handshake
 *       (nothing after a close frame) and count against the {@link OutboundBudget}.</li>
 * </ul>
 * Used on the channel's event loop only.
 */
final class PingHandler extends ChannelInboundHandlerAdapter {
    private static final RateLimitedLog FLOODING = new RateLimitedLog(
            LoggerFactory.getLogger(PingHandler.class), Level.INFO, 30);

    private final FloodGuard budget;
    private ChannelFuture pongOnItsWay;
    /** The payload of the latest ping still to answer, held while a pong is on its way. */
    private ByteBuf nextPong;
    private boolean closing;

    PingHandler(LimitSettings limits, LongSupplier nanoTime) {
        this.budget = new FloodGuard(limits, nanoTime);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof PingWebSocketFrame ping)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            if (closing) {
                return;
            }
            FloodGuard.Verdict verdict = budget.onFrame();
            if (verdict instanceof FloodGuard.Allow) {
                answer(ctx, ping.content());
            } else if (verdict instanceof FloodGuard.Close) {
                closing = true;
                FLOODING.log("closing a connection flooding pings remote={} channel={}",
                        HandshakeFilter.addressOf(ctx.channel().remoteAddress()), ctx.channel().id().asShortText());
                ctx.channel().writeAndFlush(new CloseWebSocketFrame(CloseCode.POLICY_VIOLATION.code(), "flooding"))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            // Refused: the ping goes unanswered.
        } finally {
            ping.release();
        }
    }

    private void answer(ChannelHandlerContext ctx, ByteBuf payload) {
        if (pongOnItsWay != null && !pongOnItsWay.isDone()) {
            if (nextPong != null) {
                nextPong.release();
            }
            nextPong = payload.retain();
            return;
        }
        writePong(ctx, payload.retain());
    }

    private void writePong(ChannelHandlerContext ctx, ByteBuf payload) {
        pongOnItsWay = ctx.channel().writeAndFlush(new PongWebSocketFrame(payload));
        pongOnItsWay.addListener(written -> {
            ByteBuf next = nextPong;
            nextPong = null;
            if (next != null) {
                if (written.isSuccess() && ctx.channel().isActive() && !closing) {
                    writePong(ctx, next);
                } else {
                    next.release();
                }
            }
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (nextPong != null) {
            nextPong.release();
            nextPong = null;
        }
    }
}
