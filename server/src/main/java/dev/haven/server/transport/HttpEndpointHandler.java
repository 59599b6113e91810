package dev.haven.server.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
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
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.nio.charset.StandardCharsets;

/**
 * Plain HTTP on the WebSocket port: {@code GET /healthz} for operators and load balancers (503
 * {@code degraded} while a cluster's Redis is unreachable, or while rooms' state cannot be kept:
 * {@code "state":"failing"} with {@code roomsNotKept}); anything else that is not the WebSocket
 * upgrade gets 404 or 405.
 */
final class HttpEndpointHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ServerStatus status;
    private final ObjectMapper json;

    HttpEndpointHandler(ServerStatus status, ObjectMapper json) {
        this.status = status;
        this.json = json;
    }

    /** After the upgrade nothing is HTTP: leave the pipeline, so frames pass one handler fewer. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete) {
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        String path = new QueryStringDecoder(request.uri()).path();
        if (!"/healthz".equals(path)) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found\n");
        } else if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "use GET\n");
        } else {
            int notKept = status.roomsNotKept();
            boolean degraded = status.degraded() || notKept > 0;
            ObjectNode body = json.createObjectNode()
                    .put("status", degraded ? "degraded" : "ok")
                    .put("uptimeSeconds", status.uptimeSeconds())
                    .put("connections", status.connections())
                    .put("rooms", status.rooms());
            if (status.degraded()) {
                body.put("redis", "unreachable");
            }
            if (notKept > 0) {
                body.put("state", "failing").put("roomsNotKept", notKept);
            }
            respond(ctx, request, degraded ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.OK,
                    "application/json", json.writeValueAsString(body));
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus code,
                                String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = HttpMethod.HEAD.equals(request.method());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, code,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (HttpUtil.isKeepAlive(request)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
