package dev.haven.server.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.RawSocket;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Nothing a member says reaches the log. With every logger at its most verbose (TRACE for
 * Haven, Netty and everything else), a session puts a unique canary in its name, messages,
 * moderation reasons and warnings, bad frames, a close reason, a URL and an invalid token; the
 * canary must not appear anywhere in what was logged, nor any token.
 */
class PrivacyCanaryTest {
    private static final String CANARY = "qz" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> levels = new java.util.HashMap<>();
    private final List<Appender<ILoggingEvent>> rootAppenders = new ArrayList<>();

    @BeforeEach
    void captureEverythingAtTrace() {
        captured.setContext(context);
        captured.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            rootAppenders.add(it.next());
        }
        rootAppenders.forEach(root::detachAppender);
        root.addAppender(captured);
        for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "dev.haven", "io.netty")) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
    }

    @AfterEach
    void restoreLogging() {
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(captured);
        rootAppenders.forEach(root::addAppender);
        captured.stop();
    }

    @Test
    void session_fullOfACanary_leavesNoTraceOfItOrOfAnyTokenInTheLog() throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            // User ids are logged (that is how operators follow a session); names never are.
            String facilitatorToken = server.token("fac-1", "Fran " + CANARY, Role.FACILITATOR);
            String memberToken = server.token("member-7", "Mo " + CANARY, Role.MEMBER);
            tokens.add(facilitatorToken);
            tokens.add(memberToken);
            try (TestClient fran = TestClient.withToken(server.port(), facilitatorToken);
                 TestClient mo = TestClient.withToken(server.port(), memberToken);
                 TestClient sam = TestClient.guest(server.port(), "Sam " + CANARY)) {
                for (TestClient member : List.of(fran, mo, sam)) {
                    assertThat(member.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText())
                            .isEqualTo("ok");
                }
                String samId = idOf(fran, "Sam " + CANARY);

                JsonNode sent = sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"I feel " + CANARY + "\"}");
                assertThat(sent.path("type").asText()).isEqualTo("ok");
                long seq = sent.path("seq").asLong();
                ok(mo.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CANARY + " too\","
                        + "\"clientId\":\"" + CANARY + "\"}"));
                ok(mo.request("{\"type\":\"report\",\"room\":\"lounge\",\"seq\":" + seq + ",\"reason\":\"" + CANARY
                        + "\"}"));
                ok(fran.request("{\"type\":\"warn\",\"room\":\"lounge\",\"user\":\"" + samId + "\",\"text\":\""
                        + CANARY + " please\"}"));
                ok(fran.request("{\"type\":\"mute\",\"room\":\"lounge\",\"user\":\"" + samId
                        + "\",\"seconds\":60,\"reason\":\"" + CANARY + "\"}"));
                ok(fran.request("{\"type\":\"unmute\",\"room\":\"lounge\",\"user\":\"" + samId + "\"}"));
                ok(fran.request("{\"type\":\"delete\",\"room\":\"lounge\",\"seq\":" + seq + "}"));
                ok(fran.request("{\"type\":\"ban\",\"room\":\"lounge\",\"user\":\"member-7\",\"seconds\":60,"
                        + "\"reason\":\"" + CANARY + "\"}"));
                ok(fran.request("{\"type\":\"audit\",\"room\":\"lounge\"}"));

                // Bad frames that carry the canary.
                for (String bad : List.of(CANARY + " not json", "{\"type\":\"" + CANARY + "\"}",
                        "{\"type\":\"join\",\"room\":{\"" + CANARY + "\":1}}",
                        "{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CANARY + "x".repeat(4001) + "\"}",
                        "{\"type\":\"join\",\"room\":\"" + CANARY + "\"}",
                        "{\"type\":\"hello\",\"name\":\"" + CANARY + "\"}")) {
                    sam.sendRaw(bad);
                    assertThat(sam.await(f -> "error".equals(f.path("type").asText())).path("message").asText())
                            .doesNotContain(CANARY);
                }
                fran.sendRaw("{\"type\":\"leave\",\"room\":\"lounge\",\"" + CANARY + "\":true}");
                fran.await(f -> "error".equals(f.path("type").asText()) || "ok".equals(f.path("type").asText()));
            }

            // Before hello: an invalid token with the canary in it; a name with the canary.
            try (TestClient stranger = TestClient.connect(server.port())) {
                stranger.sendRaw("{\"id\":\"t\",\"type\":\"hello\",\"token\":\"" + CANARY + ".e30.c2ln\"}");
                assertThat(stranger.awaitClose()).isEqualTo(4001);
            }
            // A close reason, a token in the URL, and a binary frame, each with the canary.
            try (RawSocket raw = RawSocket.open(server.port()).upgrade()) {
                raw.write(WsWire.clientText("{\"id\":\"h\",\"type\":\"hello\",\"name\":\"Raw " + CANARY.substring(0, 8)
                        + "\"}"));
                raw.nextFrame();
                raw.write(WsWire.clientClose(WsWire.closePayload(4000, CANARY.getBytes(UTF_8))));
                assertThat(raw.awaitCloseFrame().closeReason()).doesNotContain(CANARY);
            }
            try (RawSocket raw = RawSocket.open(server.port())) {
                raw.write(WsWire.upgradeRequest("/ws?token=" + memberToken + "&x=" + CANARY,
                        "Sec-WebSocket-Version: 13", "Origin: https://" + CANARY + ".example"));
                assertThat(raw.readHttpHead()).startsWith("HTTP/1.1 400").doesNotContain(CANARY);
            }
            try (RawSocket raw = RawSocket.open(server.port()).upgrade()) {
                raw.write(WsWire.clientFrame(0x82, CANARY.getBytes(UTF_8)));
                assertThat(raw.awaitCloseFrame().closeCode()).isEqualTo(1003);
            }
            try (RawSocket raw = RawSocket.open(server.port()).upgrade()) {
                raw.write(WsWire.clientFrame(0x81, (CANARY + "\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
                assertThat(raw.awaitCloseFrame().closeCode()).isEqualTo(1007);
            }
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage()
                    + " " + event.getMDCPropertyMap() + throwableText(event.getThrowableProxy()));
        }
        assertThat(lines).as("log lines captured at TRACE").hasSizeGreaterThan(50);
        assertThat(lines).as("Haven's own lines are there").anyMatch(line -> line.contains("hello user="));
        assertThat(lines).as("Netty's TRACE lines are there").anyMatch(line -> line.startsWith("io.netty")
                && line.contains("TRACE"));
        assertThat(lines).noneMatch(line -> line.contains(CANARY));
        for (String token : tokens) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(lines).noneMatch(line -> line.contains(token) || line.contains(signature));
        }
    }

    /** Crisis language: alerts, notices, escalation and the hold log ids and tiers, never the words. */
    @Test
    void crisisFlow_logsIdsAndTiers_neverTheTextNorTheMatchedWords() {
        ManualClock clock = new ManualClock(Instant.now());
        HavenConfig defaults = new ConfigLoader().load(null, Map.of());
        HavenConfig config = TestServer.config(50).withResources(defaults.resources()).withRooms(List.of(
                new RoomSettings("care", "Care", RoomCategory.GENERAL, "t", List.of(), 10, null, false, "US", null, true)));
        try (TestServer server = TestServer.start(config, clock);
             TestClient fran = TestClient.withToken(server.port(), server.token("fac-1", "Fran", Role.FACILITATOR));
             TestClient mo = TestClient.withToken(server.port(), server.token("member-7", "Mo", Role.MEMBER));
             TestClient sue = TestClient.withToken(server.port(), server.token("sup-1", "Sue", Role.SUPERVISOR))) {
            ok(fran.request("{\"type\":\"join\",\"room\":\"care\"}"));
            ok(mo.request("{\"type\":\"join\",\"room\":\"care\"}"));
            ok(mo.request("{\"type\":\"send\",\"room\":\"care\",\"text\":\"" + CANARY
                    + " I am going to kill myself tonight\"}"));
            ok(mo.request("{\"type\":\"send\",\"room\":\"care\",\"text\":\"" + CANARY + " I will hang myself\"}"));
            ok(mo.request("{\"type\":\"request_facilitator\",\"room\":\"care\",\"note\":\"" + CANARY + "\"}"));
            JsonNode alert = fran.await(f -> "crisis".equals(f.path("kind").asText()));
            clock.advance(Duration.ofSeconds(130));
            sue.await(f -> "crisis".equals(f.path("kind").asText()));
            ok(fran.request("{\"type\":\"ack_alert\",\"room\":\"care\",\"alertId\":\""
                    + alert.path("alertId").asText() + "\",\"action\":\"handled\"}"));
            ok(fran.request("{\"type\":\"share_resource\",\"room\":\"care\",\"card\":\"us-988\"}"));
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getFormattedMessage() + throwableText(event.getThrowableProxy()));
        }
        assertThat(lines).anyMatch(line -> line.startsWith("crisis alert room=care") && line.contains("tier=high"));
        assertThat(lines).anyMatch(line -> line.startsWith("alert escalated room=care"));
        assertThat(lines).anyMatch(line -> line.startsWith("alert acknowledged room=care"));
        assertThat(lines).noneMatch(line -> line.contains(CANARY) || line.contains("myself") || line.contains("tonight"));
    }

    /** Check-ins: ids, who and how many are logged, never what was said, nor a name, nor an id a client made up. */
    @Test
    void checkinFlow_logsIdsOnly_neverTheTextNamesOrClientChosenValues() {
        try (TestServer server = TestServer.start();
             TestClient fran = TestClient.withToken(server.port(), server.token("fac-1", "Fran " + CANARY,
                     Role.FACILITATOR));
             TestClient mo = TestClient.withToken(server.port(), server.token("member-7", "Mo " + CANARY, Role.MEMBER))) {
            ok(fran.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            ok(mo.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            JsonNode opened = fran.request("{\"type\":\"checkin_open\",\"room\":\"lounge\",\"user\":\"member-7\"}");
            ok(opened);
            String id = opened.path("checkin").path("id").asText();
            ok(mo.request("{\"type\":\"checkin_send\",\"checkin\":\"" + id + "\",\"text\":\"" + CANARY
                    + " I am going to kill myself tonight\",\"clientId\":\"" + CANARY + "\"}"));
            ok(fran.request("{\"type\":\"checkin_send\",\"checkin\":\"" + id + "\",\"text\":\"" + CANARY + "\"}"));
            ok(mo.request("{\"type\":\"checkin_history\",\"checkin\":\"" + id + "\"}"));
            for (String bad : List.of(
                    "{\"type\":\"checkin_send\",\"checkin\":\"ck:lounge:" + CANARY + "\",\"text\":\"" + CANARY + "\"}",
                    "{\"type\":\"checkin_send\",\"checkin\":\"" + id + "\",\"text\":\"" + CANARY + "x".repeat(4001) + "\"}",
                    "{\"type\":\"checkin_history\",\"checkin\":\"ck:" + CANARY + ":0123456789abcdef\"}",
                    "{\"type\":\"checkin_open\",\"room\":\"lounge\",\"user\":\"" + CANARY + "\"}",
                    "{\"type\":\"checkin_close\",\"checkin\":\"" + id + "\",\"outcome\":\"" + CANARY + "\"}")) {
                mo.sendRaw(bad);
                assertThat(mo.await(f -> "error".equals(f.path("type").asText())).path("message").asText())
                        .doesNotContain(CANARY);
            }
            ok(fran.request("{\"type\":\"checkin_close\",\"checkin\":\"" + id + "\",\"outcome\":\"resolved\"}"));
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getFormattedMessage() + throwableText(event.getThrowableProxy()));
        }
        assertThat(lines).anyMatch(line -> line.startsWith("checkin opened room=lounge"));
        assertThat(lines).anyMatch(line -> line.startsWith("checkin closed room=lounge") && line.contains("how=resolved"));
        assertThat(lines).noneMatch(line -> line.contains(CANARY) || line.contains("myself") || line.contains("tonight"));
    }

    private static String idOf(TestClient facilitator, String name) {
        JsonNode stats = facilitator.request("{\"type\":\"stats\",\"room\":\"lounge\"}");
        for (JsonNode member : stats.path("members")) {
            if (name.equals(member.path("name").asText())) {
                return member.path("id").asText();
            }
        }
        throw new AssertionError("no member named " + name + " in " + stats);
    }

    private static void ok(JsonNode reply) {
        assertThat(reply.path("type").asText()).as("reply %s", reply).isEqualTo("ok");
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy t = proxy; t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
