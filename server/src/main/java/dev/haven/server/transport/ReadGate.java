package dev.haven.server.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The one owner of a connection's {@code autoRead}: the server reads from a connection only
 * while nothing holds the gate shut. Reasons are independent bits, so one part of the pipeline
 * never reopens what another closed:
 * <ul>
 *   <li>{@link #UNWRITABLE}: Netty's outbound buffer is past its high water mark (the peer does
 *       not read what it is sent); reopened when it drains below the low one. A client that
 *       sends without reading is not read either, so it cannot make the server queue answers
 *       faster than it takes them;</li>
 *   <li>{@link #HTTP_RESPONSE}: an HTTP response is still being written ({@link HttpPipelining});</li>
 *   <li>{@link #BACKLOG}: too many requests wait for their turn ({@link ConnectionHandler}).</li>
 * </ul>
 * Netty's decoders still read on by themselves while a frame or request is only partly in, so
 * a shut gate costs at most one bounded message more. Used on the channel's event loop only.
 */
final class ReadGate extends ChannelInboundHandlerAdapter {
    static final int UNWRITABLE = 1;
    static final int HTTP_RESPONSE = 2;
    static final int BACKLOG = 4;

    private int shutBy;

    /** The gate of this channel's pipeline, or a gate of its own for a handler tested alone. */
    static ReadGate of(Channel channel) {
        ReadGate gate = channel.pipeline().get(ReadGate.class);
        return gate != null ? gate : new ReadGate();
    }

    void shut(Channel channel, int reason) {
        shutBy |= reason;
        channel.config().setAutoRead(false);
    }

    void open(Channel channel, int reason) {
        shutBy &= ~reason;
        if (shutBy == 0 && !channel.config().isAutoRead()) {
            // Turning autoRead back on issues the read that was held back.
            channel.config().setAutoRead(true);
        }
    }

    boolean isShut(int reason) {
        return (shutBy & reason) != 0;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            open(ctx.channel(), UNWRITABLE);
        } else {
            shut(ctx.channel(), UNWRITABLE);
        }
        ctx.fireChannelWritabilityChanged();
    }
}
