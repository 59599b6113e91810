package dev.haven.server.transport;

import dev.haven.protocol.JsonOutput;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.FrameEncoder;
import dev.haven.server.delivery.FrameRelay;
import dev.haven.server.delivery.OutboundFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Encodes a server message once for all its recipients, as a whole WebSocket text frame: the
 * frame header and the JSON payload in one buffer. A server's frames are never masked and Haven
 * negotiates no extension, so the bytes are the same for every recipient; each connection writes
 * a duplicate of the buffer straight to the socket, and Netty's frame encoder, which would make
 * a frame object and a header for each recipient, lets the bytes pass.
 */
final class NettyFrameEncoder implements FrameEncoder, FrameRelay {
    /** RFC 6455 section 5.2: FIN, opcode 1 (text), then at most 1 + 8 length bytes; no mask. */
    static final int MAX_HEADER_BYTES = 10;
    private static final int FIN_TEXT = 0x81;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    /** Larger frames (a join reply with a long history) are rare: the scratch buffer does not keep their size. */
    private static final int MAX_SCRATCH_BYTES = 64 * 1024;
    private static final FastThreadLocal<JsonOutput> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected JsonOutput initialValue() {
            return new JsonOutput(1024);
        }
    };

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

    @Override
    public byte[] json(OutboundFrame frame) {
        ByteBuf content = ((NettyFrame) frame).content();
        int start = content.readerIndex();
        int lengthCode = content.getByte(start + 1) & 0x7F;
        int header = lengthCode < LENGTH_16 ? 2 : lengthCode == LENGTH_16 ? 4 : MAX_HEADER_BYTES;
        byte[] json = new byte[content.readableBytes() - header];
        content.getBytes(start + header, json);
        return json;
    }

    @Override
    public OutboundFrame frame(byte[] json) {
        ByteBuf buffer = allocator.buffer(MAX_HEADER_BYTES + json.length);
        buffer.writerIndex(MAX_HEADER_BYTES);
        buffer.writeBytes(json);
        writeHeader(buffer, json.length);
        return new NettyFrame(buffer);
    }

    /**
     * The message as one text frame, header included, from the buffer's reader index. The JSON
     * is written into this thread's scratch buffer (the frequent frames without any garbage,
     * {@link ProtocolCodec#encode(ServerMessage, JsonOutput)}), then copied into a buffer of the
     * frame's exact size. The scratch buffer does not keep the size of a rare large frame (a
     * join reply with a long history).
     */
    ByteBuf encodeToBuffer(ServerMessage message) {
        JsonOutput json = SCRATCH.get();
        json.reset();
        try {
            codec.encode(message, json);
            int length = json.length();
            ByteBuf buffer = allocator.buffer(MAX_HEADER_BYTES + length);
            buffer.writerIndex(MAX_HEADER_BYTES);
            buffer.writeBytes(json.array(), 0, length);
            writeHeader(buffer, length);
            return buffer;
        } finally {
            if (json.capacity() > MAX_SCRATCH_BYTES) {
                SCRATCH.remove();
            }
        }
    }

    /** Writes the header just before the payload and moves the reader index to its first byte. */
    private static void writeHeader(ByteBuf buffer, int length) {
        int start;
        if (length < LENGTH_16) {
            start = MAX_HEADER_BYTES - 2;
            buffer.setByte(start + 1, length);
        } else if (length <= 0xFFFF) {
            start = MAX_HEADER_BYTES - 4;
            buffer.setByte(start + 1, LENGTH_16);
            buffer.setShort(start + 2, length);
        } else {
            start = 0;
            buffer.setByte(start + 1, LENGTH_64);
            buffer.setLong(start + 2, length);
        }
        buffer.setByte(start, FIN_TEXT);
        buffer.readerIndex(start);
    }
}
