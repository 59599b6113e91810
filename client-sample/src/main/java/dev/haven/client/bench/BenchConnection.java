package dev.haven.client.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * One simulated member: after the WebSocket handshake it says {@code hello} as a guest, joins
 * its room, reports the outcome once, then counts every message it receives and, when it is
 * a sender, writes the messages its {@link Sender} asks for.
 *
 * <p>The load tool's only protocol code: Haven and the reference server are driven through
 * exactly this path. All of it runs on the channel's event loop; {@link #joined()} may be read
 * from any thread.
 */
final class BenchConnection extends ChannelInboundHandlerAdapter {
    /** Hears once whether the connection joined its room. Called on the connection's event loop. */
    interface Outcome {
        void joined(BenchConnection connection);

        void failed(BenchConnection connection, String reason);
    }

    private static final String HELLO_ID = "h";
    private static final String JOIN_ID = "j";
    private static final int MAX_JOIN_RETRIES = 30;
    private static final long JOIN_RETRY_MILLIS = 500;

    private final String name;
    private final String room;
    private final boolean stallAfterJoin;
    private final int node;
    private final RunStats stats;
    private final Outcome outcome;
    private Channel channel;
    private boolean reported;
    private volatile boolean joined;
    private volatile boolean ending;
    private long sends;
    private int joinRetries;

    /**
     * @param stallAfterJoin stop reading once joined: a member whose device went to sleep
     * @param node           which of the run's URLs it connects to (0 with one)
     */
    BenchConnection(String name, String room, boolean stallAfterJoin, int node, RunStats stats, Outcome outcome) {
        this.name = name;
        this.room = room;
        this.stallAfterJoin = stallAfterJoin;
        this.node = node;
        this.stats = stats;
        this.outcome = outcome;
    }

    String room() {
        return room;
    }

    int node() {
        return node;
    }

    boolean joined() {
        return joined;
    }

    /** Whether this member receives (and is expected to receive) the room's messages. */
    boolean receives() {
        return !stallAfterJoin;
    }

    Channel channel() {
        return channel;
    }

    /** The run is over: the coming close is not a failure. */
    void ending() {
        ending = true;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            write("{\"type\":\"hello\",\"id\":\"" + HELLO_ID + "\",\"name\":\"" + name + "\"}");
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            fail("websocket handshake timed out");
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof TextWebSocketFrame frame) {
                read(frame.content());
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void read(ByteBuf frame) {
        switch (FrameScanner.kind(frame)) {
            case MESSAGE, SEND -> {
                int stamp = FrameScanner.stampStart(frame);
                if (stamp < 0) {
                    stats.unstamped();
                } else {
                    stats.delivered(FrameScanner.stampPhase(frame, stamp), FrameScanner.stampNanos(frame, stamp));
                }
            }
            case OK -> {
                String id = FrameScanner.id(frame);
                if (HELLO_ID.equals(id)) {
                    join();
                } else if (JOIN_ID.equals(id)) {
                    joined = true;
                    if (stallAfterJoin) {
                        channel.config().setAutoRead(false);
                    }
                    report(null);
                } else {
                    stats.acked();
                }
            }
            case ERROR -> {
                String id = FrameScanner.id(frame);
                String code = FrameScanner.code(frame);
                if (JOIN_ID.equals(id) && "unavailable".equals(code) && joinRetries < MAX_JOIN_RETRIES) {
                    // A clustered room that no node owns yet, or is changing owner: the v1.2
                    // contract says try again after retryAfterMs; a bounded number of times.
                    joinRetries++;
                    stats.error("join_unavailable_retried");
                    channel.eventLoop().schedule(this::join, JOIN_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                } else if (HELLO_ID.equals(id) || JOIN_ID.equals(id)) {
                    fail((HELLO_ID.equals(id) ? "hello" : "join") + " refused: " + code);
                } else {
                    stats.error(code);
                }
            }
            case OTHER -> {
                // presence and other events: not what is measured
            }
        }
    }

    private void join() {
        write("{\"type\":\"join\",\"id\":\"" + JOIN_ID + "\",\"room\":\"" + room + "\",\"acceptGuidelines\":true}");
    }

    /**
     * Sends one message. Called on the channel's event loop.
     *
     * @param stampNanos the send time the receivers measure from (nanoseconds since the run began)
     */
    void send(String text, int phase, long stampNanos) {
        write("{\"type\":\"send\",\"id\":\"s" + (++sends) + "\",\"room\":\"" + room + "\",\"text\":\"" + text
                + "\",\"clientId\":\"" + phase + "." + stampNanos + "\"}");
    }

    private void write(String json) {
        channel.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), json)),
                channel.voidPromise());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!reported) {
            fail("closed before joining");
        } else if (!ending && !stallAfterJoin) {
            stats.closedEarly();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(describe(cause));
        ctx.close();
    }

    /** A connection that could not even be opened. */
    void connectFailed(Throwable cause) {
        fail("connect failed: " + describe(cause));
    }

    /** The exception's type and the start of its message: enough to tell a 503 from a reset. */
    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.substring(0, Math.min(80, message.length())));
    }

    private void fail(String reason) {
        if (!reported) {
            report(reason);
            if (channel != null) {
                channel.close();
            }
        }
    }

    private void report(String failure) {
        if (reported) {
            return;
        }
        reported = true;
        if (failure == null) {
            outcome.joined(this);
        } else {
            outcome.failed(this, failure);
        }
    }
}
