package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tokens and message texts must stay out of logs and exception messages. */
class ToStringRedactionTest {
    private static final String SECRET = "q7ZsecretX9";
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void helloToString_withToken_hidesToken() {
        assertThat(new Hello("1", "eyJ." + SECRET + ".sig", "Sky").toString())
                .doesNotContain(SECRET).contains("Sky");
    }

    @Test
    void sendToString_hidesText() {
        assertThat(new Send("1", "anx", "I feel " + SECRET, "c-1").toString()).doesNotContain(SECRET).contains("anx");
    }

    @Test
    void messageEventToString_hidesText() {
        MessageEvent event = new MessageEvent("anx", 3, new UserInfo("u1", "River", Role.MEMBER), SECRET, 1L, "c");
        assertThat(event.toString()).doesNotContain(SECRET).contains("anx");
    }

    @Test
    void okToString_ofJoinResultWithHistory_hidesMessageTexts() {
        MessageEvent event = new MessageEvent("anx", 3, new UserInfo("u1", "River", Role.MEMBER), SECRET, 1L, null);
        Ok ok = new Ok("j", new JoinResult(Samples.ANXIETY, List.of(), List.of(event), 3, false));
        assertThat(ok.toString()).doesNotContain(SECRET);
    }

    @Test
    void decodedClientFramesToString_hideTokenAndText() throws Exception {
        String hello = codec.decodeClient("{\"type\":\"hello\",\"token\":\"" + SECRET + "\"}").toString();
        String send = codec.decodeClient("{\"type\":\"send\",\"room\":\"r\",\"text\":\"" + SECRET + "\"}").toString();
        assertThat(hello).doesNotContain(SECRET);
        assertThat(send).doesNotContain(SECRET);
    }

    /** A message frame without {@code from} must be refused, or decode to a record that can be logged. */
    @Test
    void decodeServer_messageWithoutFrom_isRejectedOrSafelyPrintable() {
        String json = "{\"type\":\"message\",\"room\":\"anx\",\"seq\":1,\"text\":\"" + SECRET + "\",\"ts\":1}";
        AtomicReference<String> printed = new AtomicReference<>("");
        Throwable thrown = catchThrowable(() -> printed.set(codec.decodeServer(json, id -> null).toString()));
        if (thrown != null) {
            assertThat(thrown).as("decoding may refuse with a ProtocolException; printing must not throw")
                    .isInstanceOf(ProtocolException.class);
        }
        assertThat(printed.get()).doesNotContain(SECRET);
    }
}
