package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.limits.FloodGuard;
import dev.haven.server.session.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A WebSocket connection after its handshake, with its own bounded outbound queue.
 *
 * <p>Events come from rooms on other event loops, replies from this connection's loop. Each
 * goes into one multi-producer queue in call order, and the drain on the channel's loop writes
 * what is queued, then flushes once: however many events a turn brings, the socket is flushed
 * once after them. The connection's drain runs in its loop's {@link LoopDrain} task, with every
 * other connection of that loop that has something to write, so a fan-out wakes each loop once.
 * The drain clears the connection's "scheduled" flag before it polls, so an item offered while
 * a drain is running is either seen by that drain or schedules the next one; nothing waits
 * unflushed. A close goes through the same queue, so it leaves after every
 * reply and event queued before it, and nothing queued after it is written.
 *
 * <p>Slow readers: the drain stops writing while the channel is not writable (Netty's buffer
 * holds more than its high water mark, half of {@code limits.outboundQueueBytes}) and resumes
 * when it is again; meanwhile items wait here, counted in bytes. The connection has one
 * budget, {@code limits.outboundQueueBytes}, for everything waiting for it, here and in Netty's
 * buffer (pongs and close frames included; see {@link OutboundBudget}). When an item queued
 * here takes the total past it while the channel is not writable, the reader is too slow (a
 * burst of events that a reader takes as fast as they come is not): whatever thread notices marks it, and
 * the next drain drops the queue, tells the handler (which takes the connection out of its
 * rooms at once) and writes close 1008 "slow". Producers never wait, so a slow member costs
 * the others nothing. When the {@link OutboundBudget} closed the connection first,
 * {@link #abandon} drops the queue the same way without a second close frame.
 */
final class NettyConnection implements Connection {
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int SLOW = 2;
    private static final VarHandle QUEUED_BYTES;
    private static final VarHandle DRAIN_SCHEDULED;
    private static final VarHandle STATE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            QUEUED_BYTES = lookup.findVarHandle(NettyConnection.class, "queuedBytes", long.class);
            DRAIN_SCHEDULED = lookup.findVarHandle(NettyConnection.class, "drainScheduled", boolean.class);
            STATE = lookup.findVarHandle(NettyConnection.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Channel channel;
    private final NettyFrameEncoder encoder;
    private final FloodGuard floodGuard;
    private final long budgetBytes;
    private final Runnable onSlow;
    /** Made once: logs and ban checks ask for it several times per connection. */
    private final String remoteAddress;
    /** Most members are in one room or two: a table of four, not Java's default sixteen. */
    private final Set<String> rooms = new HashSet<>(4);
    /**
     * Encoded text frames ({@link ByteBuf}, header included) and at most one {@link CloseWebSocketFrame}.
     * A linked queue: an idle connection, the usual case, holds 48 bytes here, where an array
     * queue holds its padding and a chunk of slots (Netty's default MPSC queue, 4.8 KB); a node
     * per waiting item costs less than the wrappers every delivery makes anyway.
     */
    private final Queue<Object> outbound = new ConcurrentLinkedQueue<>();
    // Updated through the VarHandles below rather than held in atomic objects: three objects
    // fewer for each of thousands of mostly idle connections, and one indirection fewer per item.
    private volatile long queuedBytes;
    private volatile boolean drainScheduled;
    /** {@link #OPEN}, then {@link #CLOSING} (a close frame is queued) or {@link #SLOW}; never back. */
    private volatile int state = OPEN;
    /** Drains this connection with the others of its event loop that have something to write. */
    private final LoopDrain drain;
    private volatile Identity identity;
    /** Set on the channel's loop once a close frame is written; later items are dropped. */
    private boolean closeWritten;

    /**
     * @param outboundQueueBytes {@code limits.outboundQueueBytes}: what may wait here and in Netty's buffer together
     * @param onSlow             run on the channel's loop when the connection is closed as too slow
     */
    NettyConnection(Channel channel, NettyFrameEncoder encoder, FloodGuard floodGuard, int outboundQueueBytes,
                    Runnable onSlow) {
        this(channel, encoder, floodGuard, outboundQueueBytes, onSlow, new LoopDrain(channel.eventLoop()));
    }

    /** @param drain the drain of the channel's event loop, which this connection shares with the loop's others */
    NettyConnection(Channel channel, NettyFrameEncoder encoder, FloodGuard floodGuard, int outboundQueueBytes,
                    Runnable onSlow, LoopDrain drain) {
        this.drain = drain;
        this.channel = channel;
        this.encoder = encoder;
        this.floodGuard = floodGuard;
        this.budgetBytes = outboundQueueBytes;
        this.onSlow = onSlow;
        this.remoteAddress = HandshakeFilter.addressOf(channel.remoteAddress());
    }

    @Override
    public FloodGuard floodGuard() {
        return floodGuard;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public void authenticate(Identity newIdentity) {
        this.identity = newIdentity;
    }

    @Override
    public Set<String> rooms() {
        return rooms;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void deliver(OutboundFrame frame) {
        if (state == OPEN) {
            enqueue(((NettyFrame) frame).content().retainedDuplicate());
        }
    }

    @Override
    public void send(ServerMessage message) {
        if (state == OPEN) {
            enqueue(encoder.encodeToBuffer(message));
        }
    }

    @Override
    public void close(CloseCode code, String reason) {
        if (STATE.compareAndSet(this, OPEN, CLOSING)) {
            enqueue(new CloseWebSocketFrame(code.code(), reason));
        }
    }

    boolean isClosing() {
        return state != OPEN;
    }

    /** The channel became writable again, or closed: write, or drop, what waits. */
    void resume() {
        scheduleDrain();
    }

    /** Bytes waiting in this queue; safe from any thread. */
    long queuedBytes() {
        return queuedBytes;
    }

    /**
     * The transport already closed the connection as slow, with its own close frame: drop what
     * waits and queue nothing more. Called on the channel's loop.
     */
    void abandon() {
        state = SLOW;
        closeWritten = true;
        releaseQueued();
    }

    private void enqueue(Object item) {
        outbound.offer(item);
        if (item instanceof ByteBuf content
                && addQueuedBytes(content.readableBytes()) + OutboundBudget.pendingInNetty(channel) > budgetBytes
                && !channel.isWritable()) {
            STATE.compareAndSet(this, OPEN, SLOW);
        }
        scheduleDrain();
    }

    private long addQueuedBytes(long delta) {
        return (long) QUEUED_BYTES.getAndAdd(this, delta) + delta;
    }

    private void scheduleDrain() {
        if (DRAIN_SCHEDULED.compareAndSet(this, false, true)) {
            drain.add(this);
        }
    }

    /** The server is stopping and the loop is gone: drop what is queued. */
    void dropQueued() {
        releaseQueued();
    }

    /** Writes what is queued, then flushes once; run by the loop's {@link LoopDrain}, on the channel's loop. */
    void drainOutbound() {
        drainScheduled = false;
        if (closeWritten || !channel.isActive()) {
            releaseQueued();
            return;
        }
        boolean wrote = false;
        Object item;
        // Once closing, everything up to the close frame goes out whatever the water marks say.
        while (state != SLOW && (state == CLOSING || channel.isWritable())
                && (item = outbound.poll()) != null) {
            if (item instanceof ByteBuf content) {
                addQueuedBytes(-content.readableBytes());
                // A whole frame, header included (NettyFrameEncoder): it passes Netty's frame encoder as is.
                channel.write(content, channel.voidPromise());
                wrote = true;
            } else {
                closeWritten = true;
                wrote = false;
                channel.writeAndFlush(item).addListener(ChannelFutureListener.CLOSE);
                releaseQueued();
                break;
            }
        }
        if (wrote) {
            channel.flush();
        }
        if (state == SLOW && !closeWritten) {
            closeWritten = true;
            releaseQueued();
            onSlow.run();
            channel.writeAndFlush(new CloseWebSocketFrame(CloseCode.POLICY_VIOLATION.code(), "slow"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void releaseQueued() {
        Object item;
        while ((item = outbound.poll()) != null) {
            if (item instanceof ByteBuf content) {
                addQueuedBytes(-content.readableBytes());
            }
            ReferenceCountUtil.release(item);
        }
    }
}
