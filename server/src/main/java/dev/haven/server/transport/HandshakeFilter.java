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

/**
 * Decides, before Netty's handshake handler sees it, whether a request to {@code /ws} may be
 * upgraded; on the way, answers any request Netty could not decode (414, 431 or 400). In order: only {@code GET} (405); no query string, since tokens go in {@code hello}
 * and never in the URL (400); only WebSocket version 13, so no obsolete draft handshake (426
 * with {@code Sec-WebSocket-Version: 13}); an {@code Origin} the {@link OriginPolicy} allows
 * (403); room under the connection limits (503). A refused request gets a short fixed text and
 * the connection is closed; nothing of the request is echoed. An accepted request holds a
 * {@link ConnectionLimiter.Permit} until the channel closes. Requests for other paths pass by.
 */
final class HandshakeFilter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HandshakeFilter.class);
    private static final String VERSION_13 = "13";

    private final OriginPolicy origins;
    private final ConnectionLimiter limiter;

    HandshakeFilter(OriginPolicy origins, ConnectionLimiter limiter) {
        this.origins = origins;
        this.limiter = limiter;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
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

    private boolean admit(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET to open a WebSocket\n");
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
            return refuse(ctx, response);
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
            log.info("handshake refused: origin not allowed origin={} remote={}",
                    origin == null ? "invalid" : origin, addressOf(ctx.channel().remoteAddress()));
            return refuse(ctx, response(HttpResponseStatus.FORBIDDEN, "this origin may not connect\n"));
        }
        String address = addressOf(ctx.channel().remoteAddress());
        Admission admission = limiter.tryAcquire(address);
        if (admission.permit() == null) {
            log.info("handshake refused: {} remote={}", admission.outcome() == ConnectionLimiter.Outcome.SERVER_FULL
                    ? "server full" : "too many connections from this address", address);
            return refuse(ctx, response(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many connections; try again later\n"));
        }
        // The listener lives as long as the connection: it holds the permit alone.
        ConnectionLimiter.Permit permit = admission.permit();
        ctx.channel().closeFuture().addListener(future -> permit.release());
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
