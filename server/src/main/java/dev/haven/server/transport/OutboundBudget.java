package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One connection's outbound budget, {@code limits.outboundQueueBytes}: every byte the server
 * has queued for the connection and the peer has not taken yet counts, whoever queued it: HTTP
 * responses, the web page's files, pongs, heartbeat pings, close frames, and what waits in the
 * WebSocket connection's own queue ({@link NettyConnection}: replies, errors, events). Netty
 * counts the bytes in its outbound buffer; the connection's queue is added with
 * {@link #countAlso}.
 *
 * <p>A write that finds more than the budget already waiting, while the peer is not taking it
 * (the channel is not writable: Netty's buffer is past its high water mark, half the budget),
 * is dropped and the connection is closed: an HTTP connection at once, a WebSocket with close 1008 {@code slow} (the connection
 * is closed 10 s later at the latest, whether the peer took the close frame or not). Close
 * frames themselves always pass, and one message is never refused for its own size, so a
 * reader that keeps up still gets a reply larger than the budget whole. The handler sits just
 * after the HTTP codec, where every write of the pipeline passes, and fires
 * {@link #EXCEEDED} up the pipeline so that the application can take the member out of its
 * rooms at once. Used on the channel's event loop only.
 */
final class OutboundBudget extends ChannelOutboundHandlerAdapter {
    /** The user event fired when the budget closes the connection. */
    static final Object EXCEEDED = new Object() {
        @Override
        public String toString() {
            return "OutboundBudget.EXCEEDED";
        }
    };

    private static final RateLimitedLog OVER_BUDGET = new RateLimitedLog(
            LoggerFactory.getLogger(OutboundBudget.class), Level.INFO, 30);
    private static final LongSupplier NOTHING = () -> 0;

    private final long limitBytes;
    private final long forceCloseMillis;
    private LongSupplier waitingElsewhere = NOTHING;
    private boolean webSocket;
    private boolean exceeded;

    /**
     * @param limitBytes       {@code limits.outboundQueueBytes}
     * @param forceCloseMillis how long a close frame may wait for a peer that does not read
     */
    OutboundBudget(long limitBytes, long forceCloseMillis) {
        this.limitBytes = limitBytes;
        this.forceCloseMillis = forceCloseMillis;
    }

    /** Counts the bytes waiting in another queue of this connection as well. */
    void countAlso(LongSupplier queuedBytes) {
        this.waitingElsewhere = queuedBytes;
    }

    /** Bytes queued for the connection that the peer has not taken yet, everywhere. */
    long waiting(Channel channel) {
        return pendingInNetty(channel) + waitingElsewhere.getAsLong();
    }

    /** The bytes in Netty's outbound buffer; safe from any thread. */
    static long pendingInNetty(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    boolean isExceeded() {
        return exceeded;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (exceeded) {
            ReferenceCountUtil.release(message);
            promise.tryFailure(new ClosedChannelException());
            return;
        }
        if (message instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            webSocket = true;
        }
        if (!(message instanceof CloseWebSocketFrame) && waiting(ctx.channel()) > limitBytes
                && !ctx.channel().isWritable()) {
            ReferenceCountUtil.release(message);
            promise.tryFailure(new ClosedChannelException());
            exceed(ctx);
            return;
        }
        ctx.write(message, promise);
    }

    private void exceed(ChannelHandlerContext ctx) {
        exceeded = true;
        OVER_BUDGET.log("closing a connection past its outbound budget remote={} channel={} waiting={}",
                HandshakeFilter.addressOf(ctx.channel().remoteAddress()), ctx.channel().id().asShortText(),
                waiting(ctx.channel()));
        if (webSocket) {
            ctx.writeAndFlush(new CloseWebSocketFrame(CloseCode.POLICY_VIOLATION.code(), "slow"))
                    .addListener(ChannelFutureListener.CLOSE);
            ctx.executor().schedule(() -> {
                ctx.channel().close();
            }, forceCloseMillis, TimeUnit.MILLISECONDS);
        } else {
            ctx.channel().close();
        }
        ctx.fireUserEventTriggered(EXCEEDED);
    }
}
