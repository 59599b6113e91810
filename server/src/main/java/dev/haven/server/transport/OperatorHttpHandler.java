package dev.haven.server.transport;

import dev.haven.server.admin.AdminApi;
import dev.haven.server.admin.ApiRequest;
import dev.haven.server.admin.ApiResponse;
import dev.haven.server.metrics.HavenMetrics;
import io.netty.buffer.ByteBufUtil;
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
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The operators' HTTP surface on the WebSocket port: {@code GET /metrics} (Prometheus text
 * format) and the admin API under {@code /api/v1}; other requests pass on. Admin calls may
 * complete later (on a room's executor); {@link HttpPipelining}, ahead in the pipeline, passes
 * the next pipelined request only once this one's response is written, so no request waits here.
 */
final class OperatorHttpHandler extends ChannelInboundHandlerAdapter {
    static final String METRICS_PATH = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** Null when {@code metrics.enabled} is off: {@code /metrics} then passes on (404). */
    private final HavenMetrics metrics;
    private final AdminApi api;

    OperatorHttpHandler(HavenMetrics metrics, AdminApi api) {
        this.metrics = metrics;
        this.api = api;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request) || !isOurs(request)) {
            ctx.fireChannelRead(message);
            return;
        }
        serve(ctx, request);
    }

    private boolean isOurs(FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        return path.equals(AdminApi.PREFIX) || path.startsWith(AdminApi.PREFIX + "/")
                || metrics != null && path.equals(METRICS_PATH);
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = HttpMethod.HEAD.equals(request.method());
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            if (uri.path().equals(METRICS_PATH)) {
                if (HttpMethod.GET.equals(request.method()) || head) {
                    respond(ctx, HttpResponseStatus.OK, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                            keepAlive, head, null);
                } else {
                    respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
                            "use GET\n".getBytes(StandardCharsets.UTF_8), keepAlive, false, null);
                }
                return;
            }
            List<String> limit = uri.parameters().get("limit");
            ApiRequest call = new ApiRequest(request.method().name(), uri.path(),
                    limit == null || limit.isEmpty() ? null : limit.get(0),
                    request.headers().get(HttpHeaderNames.AUTHORIZATION),
                    HandshakeFilter.addressOf(ctx.channel().remoteAddress()),
                    ByteBufUtil.getBytes(request.content()));
            api.handle(call).whenComplete((answer, failure) -> ctx.executor().execute(() -> {
                if (failure != null) {
                    respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "application/json",
                            "{\"type\":\"error\",\"code\":\"internal\",\"message\":\"the server could not do this\"}"
                                    .getBytes(StandardCharsets.UTF_8), keepAlive, false, null);
                } else {
                    respond(ctx, HttpResponseStatus.valueOf(answer.status()), "application/json", answer.bytes(),
                            keepAlive, head, answer);
                }
            }));
        } finally {
            request.release();
        }
    }

    private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, byte[] body,
                         boolean keepAlive, boolean head, ApiResponse answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        if (answer != null && answer.retryAfterSeconds() > 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, answer.retryAfterSeconds());
        }
        if (answer != null && answer.location() != null) {
            response.headers().set(HttpHeaderNames.LOCATION, answer.location());
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
