package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.server.delivery.OutboundFrame;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A frame's JSON goes to another node and comes back as the very same frame. */
class NettyFrameRelayTest {
    private final ProtocolCodec codec = new ProtocolCodec();
    private final NettyFrameEncoder encoder = new NettyFrameEncoder(codec, ByteBufAllocator.DEFAULT);

    @ParameterizedTest
    @ValueSource(ints = {100, 125, 126, 127, 65_535, 65_536, 70_000})
    void jsonThenFrame_anyLength_givesTheSameBytesAsEncodingTheMessage(int payloadBytes) {
        int bare = codec.encode(ErrorReply.of("r", ErrorCode.BAD_REQUEST, "")).length;
        ErrorReply message = ErrorReply.of("r", ErrorCode.BAD_REQUEST, "x".repeat(payloadBytes - bare));
        OutboundFrame encoded = encoder.encode(message);
        OutboundFrame relayed = null;
        try {
            byte[] json = encoder.json(encoded);
            assertThat(json).isEqualTo(codec.encode(message));
            relayed = encoder.frame(json);
            assertThat(ByteBufUtil.getBytes(((NettyFrame) relayed).content()))
                    .isEqualTo(ByteBufUtil.getBytes(((NettyFrame) encoded).content()));
        } finally {
            encoded.release();
            if (relayed != null) {
                relayed.release();
            }
        }
    }
}
