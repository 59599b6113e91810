package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.ErrorCode;
import dev.haven.server.testing.WsWire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoder writes each message as one whole, unmasked text frame with the shortest length field. */
class NettyFrameEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProtocolCodec codec = new ProtocolCodec();
    private final NettyFrameEncoder encoder = new NettyFrameEncoder(codec, ByteBufAllocator.DEFAULT);

    @ParameterizedTest
    @ValueSource(ints = {100, 125, 126, 127, 65_535, 65_536, 70_000})
    void encodeToBuffer_anyLength_isOneTextFrameWithTheShortestHeader(int payloadBytes) throws Exception {
        int bare = codec.encode(ErrorReply.of("r", ErrorCode.BAD_REQUEST, "")).length;
        ErrorReply message = ErrorReply.of("r", ErrorCode.BAD_REQUEST, "x".repeat(payloadBytes - bare));
        byte[] json = codec.encode(message);
        assertThat(json).hasSize(payloadBytes);

        ByteBuf frame = encoder.encodeToBuffer(message);
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }

        int headerBytes = json.length < 126 ? 2 : json.length <= 65_535 ? 4 : 10;
        assertThat(bytes).hasSize(headerBytes + json.length);
        assertThat(bytes[0] & 0xFF).as("FIN, no RSV bits, text").isEqualTo(0x81);
        WsWire.Reader reader = new WsWire.Reader();
        reader.feed(bytes);
        WsWire.Frame parsed = reader.next();
        assertThat(parsed.payload()).isEqualTo(json);
        assertThat(reader.pending()).isZero();
        JsonNode reply = JSON.readTree(parsed.text());
        assertThat(reply.path("id").asText()).isEqualTo("r");
    }
}
