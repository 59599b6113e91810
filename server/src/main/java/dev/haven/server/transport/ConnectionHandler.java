package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.session.RequestDispatcher;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one connection's text frames into requests and their replies back into frames.
 *
 * <p>Every request gets exactly one reply, in request order: the handler keeps at most one
 * request in flight and queues the frames behind it, together with replies to frames that
 * failed to decode. While the queue is long, the handler stops reading from the socket, so a
 * client that outpaces its replies slows itself down and nobody else. All state here is used
 * on the channel's event loop alone; replies from rooms are brought back onto it.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final int BACKLOG_PAUSE = 64;
    private static final int BACKLOG_RESUME = 16;

    private final ProtocolCodec codec;
    private final NettyFrameEncoder encoder;
    private final RequestDispatcher dispatcher;
    private final ChannelGroup connections;
    private final long helloTimeoutMillis;
    /** Each entry is a request to dispatch or a reply that is ready. */
    private final ArrayDeque<Object> backlog = new ArrayDeque<>();
    private NettyConnection connection;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> helloTimeout;
    private boolean busy;
    private boolean draining;

    ConnectionHandler(ProtocolCodec codec, NettyFrameEncoder encoder, RequestDispatcher dispatcher,
                      ChannelGroup connections, long helloTimeoutMillis) {
        this.codec = codec;
        this.encoder = encoder;
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.helloTimeoutMillis = helloTimeoutMillis;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            ctx = context;
            connection = new NettyConnection(context.channel(), encoder);
            connections.add(context.channel());
            helloTimeout = context.executor().schedule(this::closeIfAnonymous, helloTimeoutMillis, TimeUnit.MILLISECONDS);
            log.info("connected remote={} channel={}", connection.remoteAddress(), context.channel().id().asShortText());
        }
        super.userEventTriggered(context, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!(message instanceof WebSocketFrame frame) || connection == null) {
            context.fireChannelRead(message);
            return;
        }
        try {
            if (connection.isClosing()) {
                return;
            }
            if (frame instanceof TextWebSocketFrame text) {
                backlog.add(decode(text));
                drain();
            } else if (frame instanceof BinaryWebSocketFrame) {
                connection.close(CloseCode.UNSUPPORTED_DATA, "binary frames are not supported");
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private Object decode(TextWebSocketFrame frame) {
        try {
            return codec.decodeClient(new ByteBufInputStream(frame.content()));
        } catch (ProtocolException e) {
            return ErrorReply.of(e.requestId(), e.code(), e.getMessage());
        }
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            Object next;
            while (!busy && !connection.isClosing() && (next = backlog.poll()) != null) {
                if (next instanceof ServerMessage ready) {
                    connection.send(ready);
                } else {
                    busy = true;
                    dispatch((ClientMessage) next);
                }
            }
        } finally {
            draining = false;
        }
        ctx.channel().config().setAutoRead(backlog.size() < (ctx.channel().config().isAutoRead()
                ? BACKLOG_PAUSE : BACKLOG_RESUME));
    }

    private void dispatch(ClientMessage request) {
        try {
            dispatcher.dispatch(connection, request, this::onReply);
        } catch (RuntimeException e) {
            log.error("request failed type={} channel={}", request.getClass().getSimpleName(),
                    ctx.channel().id().asShortText(), e);
            onReply(ErrorReply.of(request.id(), ErrorCode.INTERNAL, "the server could not handle this request"));
        }
    }

    /** May be called from a room's thread. */
    private void onReply(ServerMessage reply) {
        if (ctx.executor().inEventLoop()) {
            complete(reply);
        } else {
            ctx.executor().execute(() -> complete(reply));
        }
    }

    private void complete(ServerMessage reply) {
        connection.send(reply);
        if (helloTimeout != null && connection.identity() != null) {
            helloTimeout.cancel(false);
            helloTimeout = null;
        }
        busy = false;
        drain();
    }

    private void closeIfAnonymous() {
        if (connection.identity() == null) {
            log.info("no hello in time remote={}", connection.remoteAddress());
            connection.close(CloseCode.UNAUTHENTICATED, "no hello in time");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (connection != null) {
            if (helloTimeout != null) {
                helloTimeout.cancel(false);
            }
            backlog.clear();
            dispatcher.disconnected(connection);
            log.info("disconnected remote={} channel={}", connection.remoteAddress(),
                    context.channel().id().asShortText());
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof TooLongFrameException && connection != null) {
            connection.close(CloseCode.MESSAGE_TOO_BIG, "message too big");
        } else if (cause instanceof IOException) {
            // A peer resetting or vanishing is ordinary for a chat server.
            context.close();
        } else {
            // Exception messages may quote the input; log the type and where it came from only.
            log.warn("connection error {} channel={}", cause.getClass().getName(), context.channel().id().asShortText());
            context.close();
        }
    }
}
