package dev.haven.server.transport;

import dev.haven.server.fatal.FatalErrors;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * On the listening channel: an error while accepting (Netty pauses accepting for a second and
 * logs it) ends the process when it is fatal, such as an {@link OutOfMemoryError}; an acceptor
 * that cannot allocate would otherwise spin, accepting nobody, while the process looks alive.
 */
final class AcceptorGuard extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        FatalErrors.exitIfFatal(cause, "the acceptor");
        ctx.fireExceptionCaught(cause);
    }
}
