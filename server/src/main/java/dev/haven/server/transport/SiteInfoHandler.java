package dev.haven.server.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.server.site.SiteInfo;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;

/**
 * {@code GET /site.json}: the web page's welcome ({@link SiteInfo}), encoded once at start, since
 * it comes from the configuration alone. Every other request passes by to the web page's files.
 */
@ChannelHandler.Sharable
final class SiteInfoHandler extends ChannelInboundHandlerAdapter {
    static final String PATH = "/site.json";

    private final byte[] body;

    SiteInfoHandler(SiteInfo info, ObjectMapper json) {
        try {
            this.body = json.writeValueAsBytes(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the site information", e);
        }
    }

    /** After the upgrade nothing is HTTP: leave the pipeline. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete) {
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)
                || !PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            boolean head = HttpMethod.HEAD.equals(request.method());
            FullHttpResponse response;
            if (!head && !HttpMethod.GET.equals(request.method())) {
                response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.METHOD_NOT_ALLOWED);
                response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD").setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            } else {
                response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
                response.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            }
            StaticFilesHandler.send(ctx, request, response);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }
}
