package dev.haven.server.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Answers pipelined HTTP requests one at a time. A request goes on to the handlers that answer
 * it only once the previous response has been written to the socket, and meanwhile the server
 * stops reading from the connection ({@link ReadGate#HTTP_RESPONSE}). A client that sends
 * requests without reading the responses therefore holds one response in the server at a time;
 * with the {@link HandshakeDeadline} it is closed once it has sent nothing the server could
 * read for {@code server.handshakeTimeoutSeconds}.
 *
 * <p>The requests of one read are decoded at once, so a few may wait here; a client with more
 * than {@link #MAX_WAITING} requests waiting is closed without further answers. The handler
 * leaves the pipeline once the upgrade's {@code 101} has been written. Used on the channel's
 * event loop only.
 */
final class HttpPipelining extends ChannelDuplexHandler {
    /** Requests that may wait behind the one being answered; browsers do not pipeline at all. */
    static final int MAX_WAITING = 16;

    private static final RateLimitedLog TOO_MANY = new RateLimitedLog(
            LoggerFactory.getLogger(HttpPipelining.class), Level.INFO, 30);

    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>(2);
    private ReadGate gate;
    private boolean answering;
    private boolean closing;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        gate = ReadGate.of(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(message);
            return;
        }
        if (closing) {
            request.release();
        } else if (!answering) {
            pass(ctx, request);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(request);
        } else {
            request.release();
            closing = true;
            releaseWaiting();
            TOO_MANY.log("closing an HTTP connection pipelining too many requests remote={} channel={}",
                    HandshakeFilter.addressOf(ctx.channel().remoteAddress()), ctx.channel().id().asShortText());
            ctx.close();
        }
    }

    private void pass(ChannelHandlerContext ctx, FullHttpRequest request) {
        answering = true;
        gate.shut(ctx.channel(), ReadGate.HTTP_RESPONSE);
        ctx.fireChannelRead(request);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (!answering || !isFinal(message)) {
            ctx.write(message, promise);
            return;
        }
        boolean upgrade = message instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
        ChannelPromise written = promise.unvoid();
        ctx.write(message, written);
        written.addListener(done -> answered(ctx, upgrade));
    }

    /** The end of a final response: its last content, and not an interim {@code 100 Continue}. */
    private static boolean isFinal(Object message) {
        if (message instanceof HttpResponse response) {
            HttpStatusClass kind = response.status().codeClass();
            if (kind == HttpStatusClass.INFORMATIONAL
                    && response.status().code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                return false;
            }
        }
        return message instanceof LastHttpContent
                || message instanceof HttpResponse r && r.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    }

    private void answered(ChannelHandlerContext ctx, boolean upgrade) {
        answering = false;
        if (!ctx.channel().isActive() || closing) {
            releaseWaiting();
            return;
        }
        if (upgrade) {
            // Nothing after the upgrade is HTTP.
            releaseWaiting();
            gate.open(ctx.channel(), ReadGate.HTTP_RESPONSE);
            if (!ctx.isRemoved()) {
                ctx.pipeline().remove(this);
            }
            return;
        }
        FullHttpRequest next = waiting.poll();
        if (next != null) {
            pass(ctx, next);
        } else {
            gate.open(ctx.channel(), ReadGate.HTTP_RESPONSE);
        }
    }

    private void releaseWaiting() {
        FullHttpRequest request;
        while ((request = waiting.poll()) != null) {
            request.release();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }
}
