package dev.haven.server.transport;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.room.FrameEncoder;
import dev.haven.server.room.OutboundFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;

/** Encodes a server message straight into a pooled buffer, once for all its recipients. */
final class NettyFrameEncoder implements FrameEncoder {
    private final ProtocolCodec codec;
    private final ByteBufAllocator allocator;

    NettyFrameEncoder(ProtocolCodec codec, ByteBufAllocator allocator) {
        this.codec = codec;
        this.allocator = allocator;
    }

    @Override
    public OutboundFrame encode(ServerMessage event) {
        return new NettyFrame(encodeToBuffer(event));
    }

    ByteBuf encodeToBuffer(ServerMessage message) {
        ByteBuf buffer = allocator.buffer(256);
        try {
            codec.encode(message, new ByteBufOutputStream(buffer));
            return buffer;
        } catch (RuntimeException e) {
            buffer.release();
            throw e;
        }
    }
}
