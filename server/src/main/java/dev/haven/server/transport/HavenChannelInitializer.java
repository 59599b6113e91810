package dev.haven.server.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.admin.AdminApi;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.metrics.HavenMetrics;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The pipeline of every accepted connection, one small handler per concern, in this order:
 * TLS (when configured), the {@link ReadGate} (reading stops while the peer does not take what
 * it is sent), the {@link HeartbeatHandler} (pings and closes silent connections), HTTP, the {@link OutboundBudget} (every byte queued for the
 * connection, bounded), {@link HttpPipelining} (one HTTP request answered at a time), the
 * {@link HandshakeFilter} (connection limits, method, version, Origin), the {@link PingHandler}
 * (pings within a budget, one pong at a time), Netty's WebSocket handshake and frame handling,
 * the {@link HandshakeDeadline}, the message aggregator, the {@link CloseCodeMeter}, the
 * {@link CloseHandshake}, {@code /metrics} and the admin API
 * ({@link OperatorHttpHandler}), the welcome's facts ({@link SiteInfoHandler}), the web page
 * ({@link StaticFilesHandler}), {@code /healthz}, and last the application: Haven's
 * {@link ConnectionHandler}, or an echo handler when the Autobahn suite tests this very
 * pipeline. No {@code LoggingHandler}: frames hold what members say. What serves HTTP only (the
 * pipelining, the filter, the deadline, the operators' HTTP, the site facts, the web page,
 * {@code /healthz}; Netty replaces the HTTP codec) leaves the pipeline at the upgrade, so each
 * frame passes no handler it does not concern.
 */
final class HavenChannelInitializer extends ChannelInitializer<Channel> {
    static final String WEBSOCKET_PATH = "/ws";

    static final String TLS = "tls";
    static final String READ_GATE = "read-gate";
    static final String HEARTBEAT = "heartbeat";
    static final String HTTP_CODEC = "http-codec";
    static final String OUTBOUND_BUDGET = "outbound-budget";
    static final String HTTP_AGGREGATOR = "http-aggregator";
    static final String HTTP_PIPELINING = "http-pipelining";
    static final String HANDSHAKE_FILTER = "handshake-filter";
    static final String PINGS = "pings";
    static final String WEBSOCKET = "websocket";
    static final String HANDSHAKE_DEADLINE = "handshake-deadline";
    static final String WEBSOCKET_AGGREGATOR = "websocket-aggregator";
    static final String CLOSE_METER = "close-meter";
    static final String CLOSE_HANDSHAKE = "close-handshake";
    static final String OPERATOR_HTTP = "operator-http";
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
    private final long heartbeatNanos;
    private final HeartbeatSweeps heartbeats = new HeartbeatSweeps();
    /** Null in pipelines without metrics and the admin API (the Autobahn run, handler tests). */
    private final HavenMetrics metrics;
    private final boolean serveMetrics;
    private final AdminApi adminApi;

    /**
     * @param tls         null for plain {@code ws://}
     * @param application makes the last handler of each pipeline
     */
    HavenChannelInitializer(HavenConfig config, ServerStatus status, ConnectionLimiter limiter, SslContext tls,
                            Supplier<ChannelHandler> application) {
        this(config, status, limiter, tls, application, null, null);
    }

    /**
     * @param metrics  counts closes, and serves {@code /metrics} when {@code metrics.enabled}
     * @param adminApi serves {@code /api/v1}
     */
    HavenChannelInitializer(HavenConfig config, ServerStatus status, ConnectionLimiter limiter, SslContext tls,
                            Supplier<ChannelHandler> application, HavenMetrics metrics, AdminApi adminApi) {
        this.metrics = metrics;
        this.serveMetrics = metrics != null && config.metrics().enabled();
        this.adminApi = adminApi;
        this.config = config;
        this.status = status;
        this.limiter = limiter;
        this.tls = tls;
        this.application = application;
        this.json = ProtocolCodec.newMapper();
        this.siteInfo = new SiteInfoHandler(SiteInfo.of(config), json);
        this.origins = new OriginPolicy(config.server());
        this.handshakeTimeoutMillis = TimeUnit.SECONDS.toMillis(config.server().handshakeTimeoutSeconds());
        this.heartbeatNanos = TimeUnit.SECONDS.toNanos(config.server().heartbeatSeconds());
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
        pipeline.addLast(READ_GATE, new ReadGate());
        pipeline.addLast(HEARTBEAT, new HeartbeatHandler(heartbeats, heartbeatNanos));
        pipeline.addLast(HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(OUTBOUND_BUDGET, new OutboundBudget(config.limits().outboundQueueBytes(),
                FORCE_CLOSE_TIMEOUT_MILLIS));
        pipeline.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        pipeline.addLast(HTTP_PIPELINING, new HttpPipelining());
        pipeline.addLast(HANDSHAKE_FILTER, new HandshakeFilter(origins, limiter));
        pipeline.addLast(WEBSOCKET, new WebSocketServerProtocolHandler(webSocketConfig));
        // Before Netty's WebSocket handler (which added its handshake handler before itself), so
        // that pings reach this handler and never Netty's own answer.
        pipeline.addBefore(WEBSOCKET, PINGS, new PingHandler(config.limits(), System::nanoTime));
        pipeline.addLast(HANDSHAKE_DEADLINE, new HandshakeDeadline(handshakeTimeoutMillis));
        pipeline.addLast(WEBSOCKET_AGGREGATOR, new WebSocketFrameAggregator(config.limits().maxFrameBytes()));
        if (metrics != null) {
            pipeline.addLast(CLOSE_METER, new CloseCodeMeter(metrics.connections()));
        }
        pipeline.addLast(CLOSE_HANDSHAKE, new CloseHandshake());
        if (adminApi != null) {
            pipeline.addLast(OPERATOR_HTTP, new OperatorHttpHandler(serveMetrics ? metrics : null, adminApi));
        }
        pipeline.addLast(SITE_INFO, siteInfo);
        pipeline.addLast(STATIC_FILES, StaticFilesHandler.fromJar());
        pipeline.addLast(HTTP_ENDPOINTS, new HttpEndpointHandler(status, json));
        pipeline.addLast(CONNECTION, application.get());
    }
}
