package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
    void decodeClient_bytesAndStream_giveSameRecordAsString(ClientMessage frame) throws Exception {
        byte[] utf8 = codec.encodeToString(frame).getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decodeClient(utf8)).isEqualTo(frame);
        assertThat(codec.decodeClient(new ByteArrayInputStream(utf8))).isEqualTo(frame);
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
    void samples_coverEveryClientAndServerFrameTypeAndResultKind() {
        assertThat(clientFrames().<Class<?>>map(Object::getClass))
                .contains(ClientMessage.class.getPermittedSubclasses());
        assertThat(serverFrames().<Class<?>>map(Object::getClass))
                .contains(ServerMessage.class.getPermittedSubclasses());
        assertThat(serverFrames().filter(Ok.class::isInstance).<Class<?>>map(f -> ((Ok) f).result().getClass()))
                .contains(Result.class.getPermittedSubclasses());
    }
}
