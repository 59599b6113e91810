package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tokens, message texts, reports' reasons and facilitators' words must stay out of logs and exception messages. */
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
        Ok ok = new Ok("j", JoinResult.joined(Samples.ANXIETY, List.of(), List.of(event), 3, false));
        assertThat(ok.toString()).doesNotContain(SECRET);
    }

    @Test
    void decodedClientFramesToString_hideTokenAndText() throws Exception {
        String hello = codec.decodeClient("{\"type\":\"hello\",\"token\":\"" + SECRET + "\"}").toString();
        String send = codec.decodeClient("{\"type\":\"send\",\"room\":\"r\",\"text\":\"" + SECRET + "\"}").toString();
        assertThat(hello).doesNotContain(SECRET);
        assertThat(send).doesNotContain(SECRET);
    }

    @Test
    void warnToString_hidesText() {
        String printed = new Warn("1", "anx", "u2", "You said " + SECRET).toString();
        assertThat(printed).doesNotContain(SECRET).contains("anx").contains("u2");
    }

    @Test
    void reportToString_hidesReason() {
        String printed = new Report("1", "anx", 5L, "They wrote " + SECRET).toString();
        assertThat(printed).doesNotContain(SECRET).contains("anx");
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void noticeToString_hidesReason(NoticeKind kind) {
        String printed = new Notice("anx", kind, 1_700_000_000_000L, "Because " + SECRET, true).toString();
        assertThat(printed).doesNotContain(SECRET).contains("anx").contains(kind.displayName());
    }

    @ParameterizedTest
    @EnumSource(AlertKind.class)
    void alertToString_hidesReason(AlertKind kind) {
        String printed = new Alert("anx", kind, "u2", "Sky", 5L, "u3", "They wrote " + SECRET, 1L).toString();
        assertThat(printed).doesNotContain(SECRET).contains("anx").contains(kind.displayName());
    }

    @Test
    void decodedWarnAndReportToString_hideTextAndReason() throws Exception {
        String warn = codec.decodeClient(
                "{\"type\":\"warn\",\"room\":\"r\",\"user\":\"u2\",\"text\":\"" + SECRET + "\"}").toString();
        String report = codec.decodeClient(
                "{\"type\":\"report\",\"room\":\"r\",\"seq\":1,\"reason\":\"" + SECRET + "\"}").toString();
        assertThat(warn).doesNotContain(SECRET);
        assertThat(report).doesNotContain(SECRET);
    }

    @Test
    void decodedNoticeAndAlertToString_hideReason() throws Exception {
        String notice = codec.decodeServer("{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"warning\","
                + "\"reason\":\"" + SECRET + "\"}", id -> null).toString();
        String alert = codec.decodeServer("{\"type\":\"alert\",\"room\":\"anx\",\"kind\":\"report\",\"seq\":1,"
                + "\"by\":\"u3\",\"reason\":\"" + SECRET + "\",\"ts\":1}", id -> null).toString();
        assertThat(notice).doesNotContain(SECRET);
        assertThat(alert).doesNotContain(SECRET);
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
