package dev.haven.server.transport;

import dev.haven.server.delivery.OutboundFrame;
import io.netty.buffer.ByteBuf;

/** An event encoded once into a buffer that every recipient shares through a retained duplicate. */
record NettyFrame(ByteBuf content) implements OutboundFrame {
    @Override
    public void release() {
        content.release();
    }
}
