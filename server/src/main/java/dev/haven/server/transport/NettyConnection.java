package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.limits.FloodGuard;
import dev.haven.server.room.OutboundFrame;
import dev.haven.server.session.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;
import java.util.HashSet;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A WebSocket connection after its handshake, with its own outbound queue.
 *
 * <p>Events come from rooms on other event loops, replies from this connection's loop. Each
 * goes into one multi-producer queue in call order, and a drain task on the channel's loop
 * writes everything queued, then flushes once: however many events a turn brings, the socket
 * is flushed once after them. The drain task clears its "scheduled" flag before it polls, so
 * an item offered while a drain is running is either seen by that drain or schedules the next
 * one; nothing waits unflushed. A close goes through the same queue, so it leaves after every
 * reply and event queued before it, and nothing queued after it is written.
 */
final class NettyConnection implements Connection {
    private final Channel channel;
    private final NettyFrameEncoder encoder;
    private final FloodGuard floodGuard;
    private final Set<String> rooms = new HashSet<>();
    /** Encoded frames ({@link ByteBuf}) and at most one {@link CloseWebSocketFrame}. */
    private final Queue<Object> outbound = PlatformDependent.newMpscQueue();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drainOutbound;
    private volatile Identity identity;
    private volatile boolean closing;
    /** Set on the channel's loop once the close frame is written; later items are dropped. */
    private boolean closeWritten;

    NettyConnection(Channel channel, NettyFrameEncoder encoder, FloodGuard floodGuard) {
        this.channel = channel;
        this.encoder = encoder;
        this.floodGuard = floodGuard;
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
        SocketAddress address = channel.remoteAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }

    @Override
    public void deliver(OutboundFrame frame) {
        if (!closing) {
            enqueue(((NettyFrame) frame).content().retainedDuplicate());
        }
    }

    @Override
    public void send(ServerMessage message) {
        if (!closing) {
            enqueue(encoder.encodeToBuffer(message));
        }
    }

    @Override
    public void close(CloseCode code, String reason) {
        if (!closing) {
            closing = true;
            enqueue(new CloseWebSocketFrame(code.code(), reason));
        }
    }

    boolean isClosing() {
        return closing;
    }

    private void enqueue(Object item) {
        outbound.offer(item);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(drainTask);
            } catch (RejectedExecutionException stopping) {
                // The server is stopping and the loop is gone: drop what is queued.
                releaseQueued();
            }
        }
    }

    private void drainOutbound() {
        drainScheduled.set(false);
        boolean wrote = false;
        Object item;
        while ((item = outbound.poll()) != null) {
            if (closeWritten) {
                ReferenceCountUtil.release(item);
            } else if (item instanceof ByteBuf content) {
                channel.write(new TextWebSocketFrame(content), channel.voidPromise());
                wrote = true;
            } else {
                closeWritten = true;
                channel.writeAndFlush(item).addListener(ChannelFutureListener.CLOSE);
            }
        }
        if (wrote) {
            channel.flush();
        }
    }

    private void releaseQueued() {
        Object item;
        while ((item = outbound.poll()) != null) {
            ReferenceCountUtil.release(item);
        }
    }
}
