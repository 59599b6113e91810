package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.fatal.FatalErrors;
import dev.haven.server.limits.FloodGuard;
import dev.haven.server.session.RequestDispatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Turns one connection's text frames into requests and their replies back into frames.
 *
 * <p>Every request gets exactly one reply, in request order: the handler keeps at most one
 * request in flight and queues the frames behind it, frames that failed to decode included.
 * While the queue is long, the handler stops reading from the socket, so a client that
 * outpaces its replies slows itself down and nobody else. All state here is used on the
 * channel's event loop alone; replies from rooms are brought back onto it.
 *
 * <p>Limits kept here: the hello timeout (4001); the token's expiry, a timer on this loop at
 * the token's {@code exp} (4001); the frame budget of {@link FloodGuard} ({@code rate_limited},
 * then 1008); and bad frames, replies {@code bad_request} or {@code unknown_type}, past
 * {@code limits.badFramesPerMinute} (1008). Close frames, protocol errors and oversized
 * messages are {@link CloseHandshake}'s.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final RateLimitedLog CONNECTION_ERRORS = new RateLimitedLog(log, Level.WARN, 30);
    private static final int BACKLOG_PAUSE = 64;
    private static final int BACKLOG_RESUME = 16;
    /** Frames up to this size are copied out of their direct buffer into an array kept per thread. */
    private static final int MAX_SCRATCH_BYTES = 64 * 1024;
    private static final FastThreadLocal<byte[]> FRAME_BYTES = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private final ProtocolCodec codec;
    private final NettyFrameEncoder encoder;
    private final RequestDispatcher dispatcher;
    private final ChannelGroup connections;
    private final long helloTimeoutMillis;
    private final LimitSettings limits;
    private final Clock clock;
    /** Hears of every error reply, for {@code haven_requests_rejected_total}. */
    private final Consumer<ErrorCode> rejected;
    private final LoopDrains drains;
    /** Each entry is a request to dispatch, a frame that failed to decode, or a ready reply. */
    private final ArrayDeque<Object> backlog = new ArrayDeque<>(4);
    /** Set on the channel's loop at the upgrade; read by {@link #closeIfUser} from other threads. */
    private volatile NettyConnection connection;
    private ChannelHandlerContext ctx;
    private ReadGate readGate;
    /** The hello's deadline, until hello is accepted: the connection's one timer since it connected. */
    private ConnectDeadline helloDeadline;
    private ScheduledFuture<?> tokenExpiry;
    private boolean busy;
    private boolean draining;

    ConnectionHandler(ProtocolCodec codec, NettyFrameEncoder encoder, RequestDispatcher dispatcher,
                      ChannelGroup connections, long helloTimeoutMillis, LimitSettings limits, Clock clock) {
        this(codec, encoder, dispatcher, connections, helloTimeoutMillis, limits, clock, code -> { }, new LoopDrains());
    }

    /** @param drains the server's per-loop drains, which this connection's joins */
    ConnectionHandler(ProtocolCodec codec, NettyFrameEncoder encoder, RequestDispatcher dispatcher,
                      ChannelGroup connections, long helloTimeoutMillis, LimitSettings limits, Clock clock,
                      Consumer<ErrorCode> rejected, LoopDrains drains) {
        this.drains = drains;
        this.rejected = rejected;
        this.codec = codec;
        this.encoder = encoder;
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.helloTimeoutMillis = helloTimeoutMillis;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event == OutboundBudget.EXCEEDED) {
            if (connection != null && !connection.isClosing()) {
                connection.abandon();
                closedAsSlow();
            }
            return;
        }
        if (event instanceof HandshakeComplete) {
            ctx = context;
            readGate = ReadGate.of(context.channel());
            connection = new NettyConnection(context.channel(), encoder, new FloodGuard(limits, System::nanoTime),
                    limits.outboundQueueBytes(), this::closedAsSlow, drains.of(context.channel().eventLoop()));
            OutboundBudget budget = context.pipeline().get(OutboundBudget.class);
            if (budget != null) {
                budget.countAlso(connection::queuedBytes);
            }
            connections.add(context.channel());
            helloDeadline = ConnectDeadline.of(context.channel());
            if (helloDeadline == null) {
                helloDeadline = new ConnectDeadline(context.executor());
            }
            helloDeadline.expireIn(helloTimeoutMillis, this::closeIfAnonymous);
            if (log.isDebugEnabled()) {
                log.debug("connected remote={} channel={}", connection.remoteAddress(),
                        context.channel().id().asShortText());
            }
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
                admit(decode(text));
                drain();
            } else if (frame instanceof BinaryWebSocketFrame) {
                connection.close(CloseCode.UNSUPPORTED_DATA, "binary frames are not supported");
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    /** Queues a decoded frame, or the refusal the frame budget calls for. */
    private void admit(Object decoded) {
        FloodGuard.Verdict verdict = connection.floodGuard().onFrame();
        if (verdict instanceof FloodGuard.Allow) {
            backlog.add(decoded);
            return;
        }
        String id = decoded instanceof ClientMessage request ? request.id() : ((ProtocolException) decoded).requestId();
        long retryAfterMs = verdict instanceof FloodGuard.Refuse refuse ? refuse.retryAfterMs() : 1000;
        backlog.add(new ErrorReply(id, ErrorCode.RATE_LIMITED, "too many requests at once; wait a moment",
                retryAfterMs));
        if (verdict instanceof FloodGuard.Close) {
            drain();
            log.info("closing a flooding connection remote={}", connection.remoteAddress());
            connection.close(CloseCode.POLICY_VIOLATION, "flooding");
        }
    }

    private Object decode(TextWebSocketFrame frame) {
        try {
            ByteBuf content = frame.content();
            int length = content.readableBytes();
            if (content.hasArray()) {
                return codec.decodeClient(content.array(), content.arrayOffset() + content.readerIndex(), length);
            }
            if (length > MAX_SCRATCH_BYTES) {
                return codec.decodeClient(ByteBufUtil.getBytes(content));
            }
            // The codec keeps nothing of the array, so one per thread serves every frame of its connections.
            byte[] bytes = FRAME_BYTES.get();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, 2 * bytes.length)];
                FRAME_BYTES.set(bytes);
            }
            content.getBytes(content.readerIndex(), bytes, 0, length);
            return codec.decodeClient(bytes, 0, length);
        } catch (ProtocolException e) {
            return e;
        }
    }

    /**
     * The reply to a frame that did not decode. Before {@code hello}, a frame that names a
     * type other than hello is answered {@code unauthenticated} whatever else is wrong with it:
     * nothing but hello is open to an anonymous connection. This is decided when the frame's
     * turn comes, since a hello queued before it may have succeeded by then.
     */
    private ErrorReply replyTo(ProtocolException failure) {
        String type = failure.requestType();
        if (connection.identity() == null && type != null && !"hello".equals(type)) {
            return ErrorReply.of(failure.requestId(), ErrorCode.UNAUTHENTICATED, "send hello first");
        }
        return ErrorReply.of(failure.requestId(), failure.code(), failure.getMessage());
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            Object next;
            while (!busy && !connection.isClosing() && (next = backlog.poll()) != null) {
                if (next instanceof ProtocolException failure) {
                    ErrorReply reply = replyTo(failure);
                    rejected.accept(reply.code());
                    connection.send(reply);
                    countIfBad(reply);
                } else if (next instanceof ServerMessage ready) {
                    if (ready instanceof ErrorReply refusal) {
                        rejected.accept(refusal.code());
                    }
                    connection.send(ready);
                } else {
                    busy = true;
                    dispatch((ClientMessage) next);
                }
            }
        } finally {
            draining = false;
        }
        if (backlog.size() >= (readGate.isShut(ReadGate.BACKLOG) ? BACKLOG_RESUME : BACKLOG_PAUSE)) {
            readGate.shut(ctx.channel(), ReadGate.BACKLOG);
        } else {
            readGate.open(ctx.channel(), ReadGate.BACKLOG);
        }
    }

    private void dispatch(ClientMessage request) {
        try {
            dispatcher.dispatch(connection, request, this::onReply);
        } catch (Throwable e) {
            FatalErrors.exitIfFatal(e, "a request");
            log.error("request failed type={} channel={}", request.getClass().getSimpleName(),
                    ctx.channel().id().asShortText(), e);
            onReply(ErrorReply.of(request.id(), ErrorCode.INTERNAL, "the server could not handle this request"));
        }
    }

    /**
     * May be called from a room's thread. The reply joins the outbound queue at once, from the
     * thread that made it, so it goes out before any event that thread produces afterwards: a
     * join's reply precedes the room's next messages. Only the bookkeeping hops back to the
     * connection's loop, where the next request is then dispatched; from a room's task it is
     * handed over when the task ends, with the reply's drain ({@link WakeBatch}).
     */
    private void onReply(ServerMessage reply) {
        sendReply(reply);
        if (ctx.executor().inEventLoop()) {
            requestDone(reply);
        } else {
            try {
                WakeBatch.execute(ctx.executor(), () -> requestDone(reply));
            } catch (RejectedExecutionException stopping) {
                // The server is stopping and this connection's loop is gone; nothing waits on it.
            }
        }
    }

    private void sendReply(ServerMessage reply) {
        if (reply instanceof ErrorReply refusal) {
            rejected.accept(refusal.code());
        }
        try {
            connection.send(reply);
        } catch (RuntimeException e) {
            log.error("reply could not be encoded type={} channel={}", reply.getClass().getSimpleName(),
                    ctx.channel().id().asShortText(), e);
            connection.send(ErrorReply.of(null, ErrorCode.INTERNAL, "the server could not answer this request"));
        }
    }

    private void requestDone(ServerMessage reply) {
        if (helloDeadline != null && connection.identity() != null) {
            helloDeadline.cancel();
            helloDeadline = null;
            watchExpiry(connection.identity().expiresAt());
        }
        busy = false;
        countIfBad(reply);
        drain();
    }

    /** A frame answered {@code bad_request} or {@code unknown_type} spends the bad-frame budget. */
    private void countIfBad(ServerMessage reply) {
        if (reply instanceof ErrorReply error
                && (error.code() == ErrorCode.BAD_REQUEST || error.code() == ErrorCode.UNKNOWN_TYPE)
                && !connection.isClosing()
                && connection.floodGuard().onBadFrame() instanceof FloodGuard.Close) {
            log.info("closing a connection sending too many bad frames remote={}", connection.remoteAddress());
            connection.close(CloseCode.POLICY_VIOLATION, "too many bad frames");
        }
    }

    /** Closes the connection with 4001 when its token expires; a guest's identity never does. */
    private void watchExpiry(Instant expiresAt) {
        if (expiresAt == null) {
            return;
        }
        long delayMillis = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
        tokenExpiry = ctx.executor().schedule(this::closeExpired, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void closeExpired() {
        log.info("token expired user={} remote={}", connection.identity().id(), connection.remoteAddress());
        connection.close(CloseCode.UNAUTHENTICATED, "token expired");
    }

    /**
     * The connection's outbound queue overflowed: it is being closed with 1008 "slow". It leaves
     * its rooms now rather than when the close frame finally gets through; what it sends from
     * now on is read and dropped.
     */
    private void closedAsSlow() {
        log.info("closing a slow reader remote={} channel={}", connection.remoteAddress(),
                ctx.channel().id().asShortText());
        backlog.clear();
        dispatcher.disconnected(connection);
    }

    /**
     * Closes this connection with 4001 if it belongs to this user (the admin API ends a user's
     * sessions). Safe from any thread: the close goes through the connection's own queue.
     */
    boolean closeIfUser(String userId) {
        NettyConnection current = connection;
        if (current == null || current.identity() == null || !current.identity().id().equals(userId)) {
            return false;
        }
        current.close(CloseCode.UNAUTHENTICATED, "signed out by an operator");
        return true;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (connection != null && context.channel().isWritable()) {
            connection.resume();
        }
        super.channelWritabilityChanged(context);
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
            if (helloDeadline != null) {
                helloDeadline.cancel();
            }
            if (tokenExpiry != null) {
                tokenExpiry.cancel(false);
            }
            backlog.clear();
            connection.resume();
            dispatcher.disconnected(connection);
            // The one INFO line of a connection's life, at its end (docs/performance.md, "Logging").
            String user = connection.identity() == null ? "none" : connection.identity().id();
            log.info("disconnected remote={} channel={} user={}", connection.remoteAddress(),
                    context.channel().id().asShortText(), user);
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        FatalErrors.exitIfFatal(cause, "the pipeline");
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            // A peer resetting or vanishing, also in the middle of a request, is ordinary for a chat server.
            context.close();
        } else if (cause.getCause() instanceof SSLException) {
            // A failed TLS handshake (a client that does not trust the certificate, plain HTTP on
            // the TLS port) is the client's problem; SslHandler closes the connection.
            log.debug("tls failure {} channel={}", cause.getCause().getClass().getName(),
                    context.channel().id().asShortText());
            context.close();
        } else {
            // Exception messages may quote the input; log the type and where it came from only.
            CONNECTION_ERRORS.log("connection error {} channel={}", cause.getClass().getName(),
                    context.channel().id().asShortText());
            context.close();
        }
    }
}
