package dev.haven.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scanner reads what Haven's own codec writes, and the tool's frames as the reference forwards them. */
class FrameScannerTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void kind_havenMessageEvent_isMessageWithItsStamp() {
        ByteBuf frame = encode(new MessageEvent("room-0", 7, new UserInfo("guest-1", "Member \"b\"", Role.MEMBER),
                "a \"clientId\":\"9.9\" look-alike in the text", 1_700_000_000_000L, "3.123456789"));

        assertThat(FrameScanner.kind(frame)).isEqualTo(FrameScanner.Kind.MESSAGE);
        int stamp = FrameScanner.stampStart(frame);
        assertThat(FrameScanner.stampPhase(frame, stamp)).isEqualTo(3);
        assertThat(FrameScanner.stampNanos(frame, stamp)).isEqualTo(123_456_789L);
    }

    @Test
    void kind_forwardedSendFrame_isSendWithItsStamp() {
        ByteBuf frame = utf8("{\"type\":\"send\",\"id\":\"s12\",\"room\":\"room-4\",\"text\":\"hi\",\"clientId\":\"1.42\"}");

        assertThat(FrameScanner.kind(frame)).isEqualTo(FrameScanner.Kind.SEND);
        assertThat(FrameScanner.id(frame)).isEqualTo("s12");
        assertThat(FrameScanner.room(frame)).isEqualTo("room-4");
        int stamp = FrameScanner.stampStart(frame);
        assertThat(FrameScanner.stampPhase(frame, stamp)).isEqualTo(1);
        assertThat(FrameScanner.stampNanos(frame, stamp)).isEqualTo(42);
    }

    @Test
    void id_okReply_isTheRequestId() {
        ByteBuf frame = encode(new Ok("s5", new SendResult(9)));

        assertThat(FrameScanner.kind(frame)).isEqualTo(FrameScanner.Kind.OK);
        assertThat(FrameScanner.id(frame)).isEqualTo("s5");
    }

    @Test
    void code_errorReply_isTheErrorCode() {
        ByteBuf frame = encode(ErrorReply.of("j", ErrorCode.ROOM_FULL, "this room is full"));

        assertThat(FrameScanner.kind(frame)).isEqualTo(FrameScanner.Kind.ERROR);
        assertThat(FrameScanner.id(frame)).isEqualTo("j");
        assertThat(FrameScanner.code(frame)).isEqualTo("room_full");
    }

    @Test
    void stamp_foreignClientId_isNotTheTools() {
        ByteBuf frame = utf8("{\"type\":\"message\",\"room\":\"r\",\"clientId\":\"my-phone-1\"}");

        int stamp = FrameScanner.stampStart(frame);
        assertThat(FrameScanner.stampPhase(frame, stamp)).isEqualTo(-1);
        assertThat(FrameScanner.stampNanos(frame, stamp)).isEqualTo(-1);
    }

    @Test
    void kind_typeNotFirst_isStillFound() {
        assertThat(FrameScanner.kind(utf8("{\"id\":\"x\",\"type\":\"ok\"}"))).isEqualTo(FrameScanner.Kind.OK);
        assertThat(FrameScanner.type(utf8("{\"id\":\"x\",\"type\":\"hello\"}"))).isEqualTo("hello");
        assertThat(FrameScanner.kind(utf8("{\"type\":\"presence\"}"))).isEqualTo(FrameScanner.Kind.OTHER);
        assertThat(FrameScanner.kind(utf8("not json"))).isEqualTo(FrameScanner.Kind.OTHER);
    }

    private ByteBuf encode(ServerMessage message) {
        return Unpooled.wrappedBuffer(codec.encode(message));
    }

    private static ByteBuf utf8(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
