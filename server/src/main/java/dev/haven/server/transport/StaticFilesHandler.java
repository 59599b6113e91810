package dev.haven.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
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
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web page on the WebSocket port: {@code GET} and {@code HEAD} for {@code /} (its
 * {@code index.html}) and the files under it, read from a classpath folder ({@code web/} in the
 * server jar, copied there from {@code client-sample/src/main/web} by the build). Requests for
 * {@code /healthz} pass by to the {@link HttpEndpointHandler}; the upgrade to {@code /ws} never
 * reaches this handler.
 *
 * <p>Only paths made of plain segments ({@code A-Z a-z 0-9 . _ -}, none starting with a dot)
 * and ending in a known extension are looked up, so no request can climb out of the folder or
 * read anything but the page's own files. A missing file is 404, another method 405. Every
 * answer carries {@code Cache-Control: no-cache} and the security headers: a Content Security
 * Policy that allows only the page's own scripts, styles and WebSocket connections (no inline
 * script), {@code nosniff} and {@code no-referrer}.
 *
 * <p>Files found are kept in memory after their first read (the folder holds a handful of
 * small files, so the cache is bounded by the jar's contents); missing paths are not cached.
 * Each is kept once, in a read-only direct buffer that every response shares: a response
 * writes a view of those bytes, never a copy, so a client asking for the same file again and
 * again costs the server no memory per request (Netty would copy a heap buffer into a new
 * direct one at every write). The map is concurrent because every event loop shares one
 * handler's cache.
 */
@ChannelHandler.Sharable
final class StaticFilesHandler extends ChannelInboundHandlerAdapter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private static final Set<String> PASS_BY = Set.of("/healthz", HavenChannelInitializer.WEBSOCKET_PATH);
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}){1,8}");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "webmanifest", "application/manifest+json");

    private final String root;
    private final ClassLoader loader;
    private final Map<String, ByteBuf> cache = new ConcurrentHashMap<>();

    /**
     * @param root   the classpath folder, e.g. {@code "web/"}
     * @param loader where to look it up
     */
    StaticFilesHandler(String root, ClassLoader loader) {
        if (!root.endsWith("/") || root.startsWith("/")) {
            throw new IllegalArgumentException("root must be a relative folder ending in '/': " + root);
        }
        this.root = root;
        this.loader = loader;
    }

    /** The page as built into the server jar; one handler, and so one cache, for every connection. */
    static StaticFilesHandler fromJar() {
        return Jar.HANDLER;
    }

    private static final class Jar {
        static final StaticFilesHandler HANDLER = new StaticFilesHandler("web/", StaticFilesHandler.class.getClassLoader());
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
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(message);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (PASS_BY.contains(path)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            serve(ctx, request, path);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        boolean head = HttpMethod.HEAD.equals(request.method());
        if (!head && !HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n", false);
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, request, response);
            return;
        }
        String file = path.endsWith("/") ? path + "index.html" : path;
        String contentType = contentType(file);
        Optional<ByteBuf> body = contentType == null ? Optional.empty() : read(file);
        if (body.isEmpty()) {
            send(ctx, request, text(HttpResponseStatus.NOT_FOUND, "not found\n", head));
            return;
        }
        ByteBuf bytes = body.get();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                head ? Unpooled.EMPTY_BUFFER : bytes.duplicate());
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.readableBytes());
        send(ctx, request, response);
    }

    /** The content type for a safe path with a known extension; null for anything else. */
    static String contentType(String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1));
    }

    private Optional<ByteBuf> read(String path) {
        ByteBuf cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = loader.getResourceAsStream(root + path.substring(1))) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            // Never released: it lives as long as the handler, and its views are released freely.
            ByteBuf shared = Unpooled.unreleasableBuffer(
                    Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes).asReadOnly());
            ByteBuf raced = cache.putIfAbsent(path, shared);
            return Optional.of(raced != null ? raced : shared);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FullHttpResponse text(HttpResponseStatus status, String text, boolean head) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    /** Writes a response of the page's with its headers (cache, CSP, nosniff, no referrer). */
    static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        response.headers()
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer");
        if (HttpUtil.isKeepAlive(request)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
