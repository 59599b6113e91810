package dev.haven.server.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.site.SiteInfo;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The pipeline of every accepted connection, one small handler per concern, in this order:
 * TLS (when configured), the idle timer, HTTP, the {@link HandshakeFilter} (method, version,
 * Origin, connection limits), Netty's WebSocket handshake and frame handling, the
 * {@link HandshakeDeadline}, the message aggregator, the {@link CloseHandshake}, heartbeats,
 * the welcome's facts ({@link SiteInfoHandler}), the web page ({@link StaticFilesHandler}),
 * {@code /healthz}, and last the application:
 * Haven's {@link ConnectionHandler}, or an echo
 * handler when the Autobahn suite tests this very pipeline. No {@code LoggingHandler}: frames
 * hold what members say. What serves HTTP only (the filter, the deadline, the web page,
 * {@code /healthz}; Netty replaces the HTTP codec) leaves the pipeline at the upgrade: an idle
 * connection then holds nine handlers, and each frame passes no handler it does not concern.
 */
final class HavenChannelInitializer extends ChannelInitializer<Channel> {
    static final String WEBSOCKET_PATH = "/ws";

    static final String TLS = "tls";
    static final String IDLE = "idle";
    static final String HTTP_CODEC = "http-codec";
    static final String HTTP_AGGREGATOR = "http-aggregator";
    static final String HANDSHAKE_FILTER = "handshake-filter";
    static final String WEBSOCKET = "websocket";
    static final String HANDSHAKE_DEADLINE = "handshake-deadline";
    static final String WEBSOCKET_AGGREGATOR = "websocket-aggregator";
    static final String CLOSE_HANDSHAKE = "close-handshake";
    static final String HEARTBEAT = "heartbeat";
    static final String SITE_INFO = "site-info";
    static final String STATIC_FILES = "static-files";
    static final String HTTP_ENDPOINTS = "http-endpoints";
    static final String CONNECTION = "connection";

    /** How long a close frame may wait to be written before the connection is closed without it. */
    static final long FORCE_CLOSE_TIMEOUT_MILLIS = 10_000;
    /** Upgrade requests carry no body; anything bigger is not a request Haven serves. */
    private static final int MAX_HTTP_REQUEST_BYTES = 8192;

    private final HavenConfig config;
    private final ServerStatus status;
    private final SslContext tls;
    private final Supplier<ChannelHandler> application;
    private final ObjectMapper json;
    private final SiteInfoHandler siteInfo;
    private final OriginPolicy origins;
    private final ConnectionLimiter limiter;
    private final WebSocketServerProtocolConfig webSocketConfig;
    private final WriteBufferWaterMark waterMark;
    private final long handshakeTimeoutMillis;

    /**
     * @param tls         null for plain {@code ws://}
     * @param application makes the last handler of each pipeline
     */
    HavenChannelInitializer(HavenConfig config, ServerStatus status, ConnectionLimiter limiter, SslContext tls,
                            Supplier<ChannelHandler> application) {
        this.config = config;
        this.status = status;
        this.limiter = limiter;
        this.tls = tls;
        this.application = application;
        this.json = ProtocolCodec.newMapper();
        this.siteInfo = new SiteInfoHandler(SiteInfo.of(config), json);
        this.origins = new OriginPolicy(config.server());
        this.handshakeTimeoutMillis = TimeUnit.SECONDS.toMillis(config.server().handshakeTimeoutSeconds());
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .checkStartsWith(false)
                .handshakeTimeoutMillis(handshakeTimeoutMillis)
                // CloseHandshake answers close frames and writes every close frame with its code.
                .handleCloseFrames(false)
                .sendCloseFrame(null)
                // A close frame stuck behind a reader that does not read: the connection closes anyway.
                .forceCloseTimeoutMillis(FORCE_CLOSE_TIMEOUT_MILLIS)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.limits().maxFrameBytes())
                        .allowExtensions(false)
                        .withUTF8Validator(true)
                        .closeOnProtocolViolation(false)
                        .build())
                .dropPongFrames(true)
                .build();
        // Netty's buffer takes half of a connection's outbound budget; its own queue the rest.
        int queueBytes = config.limits().outboundQueueBytes();
        this.waterMark = new WriteBufferWaterMark(queueBytes / 4, queueBytes / 2);
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.config().setWriteBufferWaterMark(waterMark);
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            SslHandler ssl = tls.newHandler(channel.alloc());
            ssl.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
            pipeline.addLast(TLS, ssl);
        }
        pipeline.addLast(IDLE, new IdleStateHandler(config.server().heartbeatSeconds(), 0, 0));
        pipeline.addLast(HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        pipeline.addLast(HANDSHAKE_FILTER, new HandshakeFilter(origins, limiter));
        pipeline.addLast(WEBSOCKET, new WebSocketServerProtocolHandler(webSocketConfig));
        pipeline.addLast(HANDSHAKE_DEADLINE, new HandshakeDeadline(handshakeTimeoutMillis));
        pipeline.addLast(WEBSOCKET_AGGREGATOR, new WebSocketFrameAggregator(config.limits().maxFrameBytes()));
        pipeline.addLast(CLOSE_HANDSHAKE, new CloseHandshake());
        pipeline.addLast(HEARTBEAT, new HeartbeatHandler());
        pipeline.addLast(SITE_INFO, siteInfo);
        pipeline.addLast(STATIC_FILES, StaticFilesHandler.fromJar());
        pipeline.addLast(HTTP_ENDPOINTS, new HttpEndpointHandler(status, json));
        pipeline.addLast(CONNECTION, application.get());
    }
}
