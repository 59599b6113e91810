package dev.haven.server.transport;

import static dev.haven.server.testing.WsWire.clientClose;
import static dev.haven.server.testing.WsWire.clientFrame;
import static dev.haven.server.testing.WsWire.clientText;
import static dev.haven.server.testing.WsWire.closePayload;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.server.testing.WsWire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import dev.haven.server.testing.WsWire.Frame;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closing handshake through Haven's real pipeline, one test per Autobahn case that Netty's
 * defaults get wrong (7.3.2, 7.3.6, 7.5.1, 7.9.1-7.9.9), and the cases around them: the server
 * answers with exactly one close frame carrying the right code, sends nothing after it, and
 * closes the connection.
 */
class CloseHandshakeTest {
    private PipelineHarness pipeline;

    @BeforeEach
    void open() {
        pipeline = new PipelineHarness();
        assertThat(pipeline.upgrade()).startsWith("HTTP/1.1 101");
    }

    @AfterEach
    void release() {
        pipeline.close();
    }

    /** Case 7.3.2: a close frame whose payload is one byte. */
    @Test
    void close_payloadOfOneByte_isAnsweredWith1002() {
        pipeline.send(clientClose(new byte[] {0x03}));

        assertOnlyClose(1002);
    }

    /** Case 7.3.6: a close frame whose payload is 126 bytes, over the 125 a control frame may carry. */
    @Test
    void close_payloadOver125Bytes_isAnsweredWith1002() {
        pipeline.send(clientClose(closePayload(1000, "a".repeat(124).getBytes(UTF_8))));

        assertOnlyClose(1002);
    }

    /** Case 7.5.1: a close frame whose reason is not valid UTF-8. */
    @Test
    void close_reasonOfInvalidUtf8_isAnsweredWith1007() {
        byte[] invalid = {(byte) 0xCE, (byte) 0xBA, (byte) 0xE1, (byte) 0xBD, (byte) 0xB9, (byte) 0xCF, (byte) 0x83,
                (byte) 0xCE, (byte) 0xBC, (byte) 0xCE, (byte) 0xB5, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
                0x65, 0x64, 0x69, 0x74, 0x65, 0x64};

        pipeline.send(clientClose(closePayload(1000, invalid)));

        assertOnlyClose(1007);
    }

    /** Cases 7.9.1-7.9.9: close codes a peer may not send; and beyond Autobahn, codes of 5000 and up. */
    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999, 1015, 5000, 32768, 65535})
    void close_invalidCode_isAnsweredWith1002(int code) {
        pipeline.send(clientClose(closePayload(code, new byte[0])));

        assertOnlyClose(1002);
    }

    /** Cases 7.7.x: a valid close code is echoed, without the peer's reason. */
    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
    void close_validCode_isEchoed(int code) {
        pipeline.send(clientClose(closePayload(code, "private reason".getBytes(UTF_8))));

        Frame close = assertOnlyClose(code);
        assertThat(close.closeReason()).isEmpty();
    }

    /** Case 7.3.1: a close frame without a payload is answered by one without a payload. */
    @Test
    void close_empty_isAnsweredWithAnEmptyClose() {
        pipeline.send(clientClose(new byte[0]));

        Frame close = assertOnlyClose(-1);
        assertThat(close.payload()).isEmpty();
    }

    /** Case 7.1.2-7.1.4: whatever follows the peer's close is ignored. */
    @Test
    void close_followedByMoreFrames_isAnsweredOnceAndTheRestIgnored() {
        byte[] close = clientClose(closePayload(1000, new byte[0]));
        byte[] text = clientText("after close");
        byte[] both = new byte[close.length + text.length + close.length];
        System.arraycopy(close, 0, both, 0, close.length);
        System.arraycopy(text, 0, both, close.length, text.length);
        System.arraycopy(close, 0, both, close.length + text.length, close.length);

        pipeline.send(both);

        assertOnlyClose(1000);
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("text frame of invalid UTF-8", clientFrame(0x81, new byte[] {(byte) 0xC3, 0x28}), 1007),
                Arguments.of("reserved bit", clientFrame(0xC1, "x".getBytes(UTF_8)), 1002),
                Arguments.of("reserved data opcode", clientFrame(0x83, new byte[0]), 1002),
                Arguments.of("reserved control opcode", clientFrame(0x8B, new byte[0]), 1002),
                Arguments.of("fragmented ping", clientFrame(0x09, new byte[0]), 1002),
                Arguments.of("continuation without a start", clientFrame(0x80, "x".getBytes(UTF_8)), 1002),
                Arguments.of("unmasked frame", WsWire.frame(0x81, false, "x".getBytes(UTF_8)), 1002),
                Arguments.of("frame over 64 KiB", clientFrame(0x81, new byte[65537]), 1009));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badFrames")
    void frame_refusedByTheDecoder_closesWithItsCode(String name, byte[] frame, int code) {
        pipeline.send(frame);

        Frame close = assertOnlyClose(code);
        assertThat(close.closeReason()).isIn("protocol error", "invalid UTF-8", "message too big");
    }

    @Test
    void message_over64KiBInFragments_closesWith1009() {
        pipeline.send(clientFrame(0x01, new byte[40_000]));
        pipeline.send(clientFrame(0x80, new byte[40_000]));

        assertOnlyClose(1009);
    }

    @Test
    void serverClose_thenPeerAnswers_nothingMoreIsWritten() {
        pipeline.ch.writeAndFlush(new io.netty.handler.codec.http.websocketx.CloseWebSocketFrame(1001, "bye"));
        pipeline.ch.writeAndFlush(new io.netty.handler.codec.http.websocketx.TextWebSocketFrame("too late"));

        pipeline.send(clientClose(closePayload(1001, new byte[0])));

        List<Frame> frames = pipeline.readFrames();
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).closeCode()).isEqualTo(1001);
        assertThat(pipeline.ch.isOpen()).isFalse();
    }

    @Test
    void serverClose_thenAFrameEncodedForBroadcast_nothingMoreIsWritten() {
        NettyFrameEncoder encoder = new NettyFrameEncoder(new ProtocolCodec(), ByteBufAllocator.DEFAULT);
        pipeline.ch.writeAndFlush(new io.netty.handler.codec.http.websocketx.CloseWebSocketFrame(1001, "bye"));
        ByteBuf late = encoder.encodeToBuffer(ErrorReply.of("late", ErrorCode.INTERNAL, "too late"));
        pipeline.ch.writeAndFlush(late);

        List<Frame> frames = pipeline.readFrames();
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).closeCode()).isEqualTo(1001);
        assertThat(late.refCnt()).as("dropped and released").isZero();
    }

    @Test
    void frameEncodedForBroadcast_passesThePipelineUnchanged() {
        NettyFrameEncoder encoder = new NettyFrameEncoder(new ProtocolCodec(), ByteBufAllocator.DEFAULT);
        pipeline.ch.writeAndFlush(encoder.encodeToBuffer(ErrorReply.of("r", ErrorCode.INTERNAL, "once")));

        List<Frame> frames = pipeline.readFrames();
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).opcode()).isEqualTo(WsWire.TEXT);
        assertThat(frames.get(0).text()).contains("\"id\":\"r\"").contains("once");
    }

    @Test
    void text_beforeClose_isEchoedByTheStandInApplication() {
        pipeline.send(clientText("{\"type\":\"ping\"}"));

        List<Frame> frames = pipeline.readFrames();
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).text()).isEqualTo("{\"type\":\"ping\"}");
        assertThat(pipeline.ch.isOpen()).isTrue();
    }

    /** Exactly one frame, a close with this code (-1: none), and the connection closed. */
    private Frame assertOnlyClose(int code) {
        List<Frame> frames = pipeline.readFrames();
        assertThat(frames).as("frames written").hasSize(1);
        Frame close = frames.get(0);
        assertThat(close.isClose()).as("a close frame").isTrue();
        assertThat(close.closeCode()).as("close code").isEqualTo(code);
        assertThat(pipeline.ch.isOpen()).as("connection closed").isFalse();
        return close;
    }
}
