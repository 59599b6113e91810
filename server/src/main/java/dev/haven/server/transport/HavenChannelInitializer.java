package dev.haven.server.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.session.RequestDispatcher;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The pipeline of every accepted connection, one small handler per concern. */
final class HavenChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final String WEBSOCKET_PATH = "/ws";

    static final String IDLE = "idle";
    static final String HTTP_CODEC = "http-codec";
    static final String HTTP_AGGREGATOR = "http-aggregator";
    static final String WEBSOCKET = "websocket";
    static final String WEBSOCKET_AGGREGATOR = "websocket-aggregator";
    static final String HEARTBEAT = "heartbeat";
    static final String HTTP_ENDPOINTS = "http-endpoints";
    static final String CONNECTION = "connection";

    /** Upgrade requests carry no body; anything bigger is not a request Haven serves. */
    private static final int MAX_HTTP_REQUEST_BYTES = 8192;

    private final HavenConfig config;
    private final ProtocolCodec codec;
    private final NettyFrameEncoder encoder;
    private final RequestDispatcher dispatcher;
    private final ChannelGroup connections;
    private final ServerStatus status;
    private final ObjectMapper json;
    private final WebSocketServerProtocolConfig webSocketConfig;

    HavenChannelInitializer(HavenConfig config, ProtocolCodec codec, NettyFrameEncoder encoder,
                            RequestDispatcher dispatcher, ChannelGroup connections, ServerStatus status) {
        this.config = config;
        this.codec = codec;
        this.encoder = encoder;
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.status = status;
        this.json = ProtocolCodec.newMapper();
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .checkStartsWith(false)
                .handshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(config.server().helloTimeoutSeconds()))
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.limits().maxFrameBytes())
                        .allowExtensions(false)
                        .closeOnProtocolViolation(true)
                        .build())
                .dropPongFrames(true)
                .build();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(IDLE, new IdleStateHandler(config.server().heartbeatSeconds(), 0, 0));
        pipeline.addLast(HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        pipeline.addLast(WEBSOCKET, new WebSocketServerProtocolHandler(webSocketConfig));
        pipeline.addLast(WEBSOCKET_AGGREGATOR, new WebSocketFrameAggregator(config.limits().maxFrameBytes()));
        pipeline.addLast(HEARTBEAT, new HeartbeatHandler());
        pipeline.addLast(HTTP_ENDPOINTS, new HttpEndpointHandler(status, json));
        pipeline.addLast(CONNECTION, new ConnectionHandler(codec, encoder, dispatcher, connections,
                TimeUnit.SECONDS.toMillis(config.server().helloTimeoutSeconds()), config.limits()));
    }
}
