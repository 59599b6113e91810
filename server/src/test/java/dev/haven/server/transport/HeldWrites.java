package dev.haven.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * At the head of a test pipeline: keeps every write and its promise, as a socket whose peer
 * does not read would, until the test lets them complete.
 */
final class HeldWrites extends ChannelOutboundHandlerAdapter {
    private final List<Object> messages = new ArrayList<>();
    private final List<ChannelPromise> promises = new ArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        messages.add(message);
        promises.add(promise);
    }

    /** Everything written so far, in order, still held. */
    List<Object> messages() {
        return messages;
    }

    /** The peer took everything written so far. */
    void completeAll() {
        List<ChannelPromise> done = new ArrayList<>(promises);
        promises.clear();
        done.forEach(ChannelPromise::trySuccess);
    }

    void releaseAll() {
        messages.forEach(ReferenceCountUtil::release);
        messages.clear();
    }
}
