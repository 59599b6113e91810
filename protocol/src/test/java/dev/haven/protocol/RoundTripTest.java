package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    static Stream<ClientMessage> clientFrames() {
        return Samples.clientFrames().stream();
    }

    static Stream<ServerMessage> serverFrames() {
        return Samples.serverFrames().stream();
    }

    /** The pending request of an ok reply: its id mapped to the result class it expects. */
    private static Function<String, Class<? extends Result>> pendingFor(ServerMessage frame) {
        if (frame instanceof Ok ok) {
            return Map.<String, Class<? extends Result>>of(ok.id(), ok.result().getClass())::get;
        }
        return Map.<String, Class<? extends Result>>of()::get;
    }

    @ParameterizedTest
    @MethodSource("clientFrames")
    void decodeClient_ofEncodedClientFrame_givesEqualRecord(ClientMessage frame) throws Exception {
        assertThat(codec.decodeClient(codec.encodeToString(frame))).isEqualTo(frame);
    }

    @ParameterizedTest
    @MethodSource("clientFrames")
    void decodeClient_bytesAndPartOfAnArray_giveSameRecordAsString(ClientMessage frame) throws Exception {
        byte[] utf8 = codec.encodeToString(frame).getBytes(StandardCharsets.UTF_8);
        byte[] inside = new byte[utf8.length + 7];
        Arrays.fill(inside, (byte) '}');
        System.arraycopy(utf8, 0, inside, 3, utf8.length);
        assertThat(codec.decodeClient(utf8)).isEqualTo(frame);
        assertThat(codec.decodeClient(inside, 3, utf8.length)).isEqualTo(frame);
    }

    @ParameterizedTest
    @MethodSource("serverFrames")
    void decodeServer_ofEncodedServerFrame_givesEqualRecord(ServerMessage frame) throws Exception {
        assertThat(codec.decodeServer(codec.encodeToString(frame), pendingFor(frame))).isEqualTo(frame);
    }

    @ParameterizedTest
    @MethodSource("serverFrames")
    void encode_toStreamAndBytes_matchEncodeToString(ServerMessage frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(frame, out);
        String expected = codec.encodeToString(frame);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(codec.encode(frame), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void samples_coverEveryConcreteClientFrameIncludingNestedRoomRequests() {
        assertThat(clientFrames().<Class<?>>map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(Samples.concreteSubtypes(ClientMessage.class));
    }

    @Test
    void samples_coverEveryServerFrameType() {
        assertThat(serverFrames().<Class<?>>map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(Samples.concreteSubtypes(ServerMessage.class));
    }

    @Test
    void samples_coverEveryResultKind() {
        assertThat(serverFrames().filter(Ok.class::isInstance).<Class<?>>map(f -> ((Ok) f).result().getClass())
                .distinct())
                .containsExactlyInAnyOrderElementsOf(Samples.concreteSubtypes(Result.class));
    }

    @Test
    void samples_coverEveryNoticeAndAlertKind() {
        assertThat(serverFrames().filter(Notice.class::isInstance).map(f -> ((Notice) f).kind()))
                .contains(Stream.of(NoticeKind.values()).filter(k -> k != NoticeKind.UNKNOWN).toArray(NoticeKind[]::new));
        assertThat(serverFrames().filter(Alert.class::isInstance).map(f -> ((Alert) f).kind()))
                .contains(Stream.of(AlertKind.values()).filter(k -> k != AlertKind.UNKNOWN).toArray(AlertKind[]::new));
    }

    /** A RoomRequest decodes as the concrete record, reachable both as a ClientMessage and a RoomRequest. */
    @ParameterizedTest
    @MethodSource("clientFrames")
    void decodeClient_ofRoomRequest_keepsItsRoom(ClientMessage frame) throws Exception {
        ClientMessage decoded = codec.decodeClient(codec.encodeToString(frame));
        assertThat(decoded).hasSameClassAs(frame);
        if (frame instanceof RoomRequest request) {
            assertThat(((RoomRequest) decoded).room()).isEqualTo(request.room());
        }
    }

    @ParameterizedTest
    @MethodSource("clientFrames")
    void withId_givesSameRequestWithOtherId(ClientMessage frame) throws Exception {
        ClientMessage renumbered = frame.withId("renumbered");
        assertThat(renumbered).hasSameClassAs(frame);
        assertThat(renumbered.id()).isEqualTo("renumbered");
        assertThat(renumbered.withId(frame.id())).isEqualTo(frame);
        assertThat(codec.decodeClient(codec.encodeToString(renumbered))).isEqualTo(renumbered);
    }
}
