package dev.haven.server.transport;

import dev.haven.server.config.OriginPattern;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.limits.ConnectionLimiter.Admission;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Counts every connection against the connection limits, and decides, before Netty's handshake
 * handler sees it, whether a request to {@code /ws} may be upgraded; on the way, answers any
 * request Netty could not decode (414, 431 or 400).
 *
 * <p>Every TCP connection, plain HTTP as well as WebSocket, takes a
 * {@link ConnectionLimiter.Permit} when it is accepted and holds it until it closes. A
 * connection past {@code limits.connectionsPerAddress} or {@code limits.maxConnections} gets
 * no permit: its first request is answered 503 and the connection closed, except
 * {@code GET /healthz}, which is still answered (and then the connection closed), so that a
 * full server does not look dead to its monitoring.
 *
 * <p>An upgrade request must pass, in order: only {@code GET} (405); HTTP/1.1, as RFC 6455
 * requires (400); no query string, since tokens go in {@code hello} and never in the URL
 * (400); only WebSocket version 13, so no obsolete draft handshake (426 with
 * {@code Sec-WebSocket-Version: 13}); an {@code Origin} the {@link OriginPolicy} allows (403).
 * A refused request gets a short fixed text and the connection is closed; nothing of the
 * request is echoed. Requests for other paths pass by.
 */
final class HandshakeFilter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HandshakeFilter.class);
    private static final RateLimitedLog LIMITED = new RateLimitedLog(log, Level.INFO, 30);
    private static final String VERSION_13 = "13";

    private final OriginPolicy origins;
    private final ConnectionLimiter limiter;
    /** Null until the connection is counted; then whether it got a permit. */
    private Admission admission;

    HandshakeFilter(OriginPolicy origins, ConnectionLimiter limiter) {
        this.origins = origins;
        this.limiter = limiter;
    }

    /** The connection is counted as soon as it exists: an accepted channel is already active here. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            count(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        count(ctx);
        ctx.fireChannelActive();
    }

    private void count(ChannelHandlerContext ctx) {
        if (admission != null) {
            return;
        }
        String address = addressOf(ctx.channel().remoteAddress());
        admission = limiter.tryAcquire(address);
        ConnectionLimiter.Permit permit = admission.permit();
        if (permit == null) {
            LIMITED.log("connection refused: {} remote={}", admission.outcome() == ConnectionLimiter.Outcome.SERVER_FULL
                    ? "server full" : "too many connections from this address", address);
            return;
        }
        // The listener lives as long as the connection: it holds the permit alone.
        ctx.channel().closeFuture().addListener(future -> permit.release());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof FullHttpRequest request && admission != null && admission.permit() == null) {
            answerPastTheLimit(ctx, request);
            return;
        }
        if (message instanceof FullHttpRequest request && request.decoderResult().isFailure()) {
            try {
                refuse(ctx, malformed(request.decoderResult().cause()));
            } finally {
                request.release();
            }
            return;
        }
        if (!(message instanceof FullHttpRequest request)
                || !HavenChannelInitializer.WEBSOCKET_PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            if (admit(ctx, request)) {
                // One upgrade per connection: nothing after it is HTTP.
                ctx.pipeline().remove(this);
                ctx.fireChannelRead(ReferenceCountUtil.retain(request));
            }
        } finally {
            ReferenceCountUtil.release(request);
        }
    }

    /** A connection without a permit: {@code /healthz} once, anything else 503; then it is closed. */
    private void answerPastTheLimit(ChannelHandlerContext ctx, FullHttpRequest request) {
        if ("/healthz".equals(new QueryStringDecoder(request.uri()).path()) && request.decoderResult().isSuccess()) {
            HttpUtil.setKeepAlive(request, false);
            ctx.fireChannelRead(request);
            return;
        }
        try {
            refuse(ctx, response(HttpResponseStatus.SERVICE_UNAVAILABLE, "too many connections; try again later\n"));
        } finally {
            request.release();
        }
    }

    private boolean admit(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET to open a WebSocket\n");
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
            return refuse(ctx, response);
        }
        if (!HttpVersion.HTTP_1_1.equals(request.protocolVersion())) {
            return refuse(ctx, response(HttpResponseStatus.BAD_REQUEST, "a WebSocket needs HTTP/1.1\n"));
        }
        if (request.uri().indexOf('?') >= 0) {
            return refuse(ctx, response(HttpResponseStatus.BAD_REQUEST,
                    "/ws takes no query; send the token in hello, never in the URL\n"));
        }
        if (!VERSION_13.equals(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            FullHttpResponse response = response(HttpResponseStatus.UPGRADE_REQUIRED,
                    "only WebSocket version 13 (RFC 6455) is supported\n");
            response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, VERSION_13);
            return refuse(ctx, response);
        }
        List<String> originHeaders = request.headers().getAll(HttpHeaderNames.ORIGIN);
        if (!origins.allows(originHeaders, ctx.channel().localAddress())) {
            OriginPattern.Origin origin = originHeaders.isEmpty() ? null : OriginPattern.parseOrigin(originHeaders.get(0));
            // A parsed origin is rebuilt from checked parts, so it cannot carry anything odd into the log.
            LIMITED.log("handshake refused: origin not allowed origin={} remote={}",
                    origin == null ? "invalid" : origin, addressOf(ctx.channel().remoteAddress()));
            return refuse(ctx, response(HttpResponseStatus.FORBIDDEN, "this origin may not connect\n"));
        }
        return true;
    }

    /** A request Netty could not decode, on any path: its request line or headers too long, or garbled. */
    private static FullHttpResponse malformed(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return response(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long\n");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return response(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large\n");
        }
        return response(HttpResponseStatus.BAD_REQUEST, "malformed request\n");
    }

    private static FullHttpResponse response(HttpResponseStatus status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    private static boolean refuse(ChannelHandlerContext ctx, FullHttpResponse response) {
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        return false;
    }

    /** The remote IP address as text, the key of the per-address limit. */
    static String addressOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
