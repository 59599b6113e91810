package dev.haven.server.transport;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.room.OutboundFrame;
import dev.haven.server.session.Connection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A WebSocket connection after its handshake. Writes may come from any thread (rooms run on
 * other event loops); Netty queues a write from another thread as a task on the channel's
 * loop, so writes from one thread keep their order. Flushes are coalesced: however many
 * events a turn of the loop writes, the channel is flushed once after them.
 */
final class NettyConnection implements Connection {
    private final Channel channel;
    private final NettyFrameEncoder encoder;
    private final Set<String> rooms = new HashSet<>();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final Runnable flushTask = this::flushNow;
    private volatile Identity identity;
    private volatile boolean closing;

    NettyConnection(Channel channel, NettyFrameEncoder encoder) {
        this.channel = channel;
        this.encoder = encoder;
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
        if (closing) {
            return;
        }
        NettyFrame shared = (NettyFrame) frame;
        channel.write(new TextWebSocketFrame(shared.content().retainedDuplicate()), channel.voidPromise());
        requestFlush();
    }

    @Override
    public void send(ServerMessage message) {
        if (closing) {
            return;
        }
        channel.write(new TextWebSocketFrame(encoder.encodeToBuffer(message)), channel.voidPromise());
        requestFlush();
    }

    @Override
    public void close(CloseCode code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        channel.writeAndFlush(new CloseWebSocketFrame(code.code(), reason)).addListener(ChannelFutureListener.CLOSE);
    }

    boolean isClosing() {
        return closing;
    }

    private void requestFlush() {
        if (flushPending.compareAndSet(false, true)) {
            channel.eventLoop().execute(flushTask);
        }
    }

    private void flushNow() {
        flushPending.set(false);
        channel.flush();
    }
}
