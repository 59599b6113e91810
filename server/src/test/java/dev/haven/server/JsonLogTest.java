package dev.haven.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.Http;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The JSON log format: a session full of a canary, written through Haven's JSON encoder, gives
 * one JSON object per line, each with the same fields as the text lines, and none holds the
 * canary or a token.
 */
class JsonLogTest {
    /** Letters only: a run of digits in a pseudonym reads as a phone number, which hello refuses. */
    private static final String CANARY = "qz" + UUID.randomUUID().toString().replaceAll("[^a-f]", "")
            .concat("abcdefabcdef").substring(0, 12);

    @Test
    void jsonLines_parseOneByOne_haveTheFields_andHoldNoCanaryOrToken() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> json = new OutputStreamAppender<>();
        json.setContext(context);
        json.setEncoder(LogFormat.jsonEncoder(context));
        json.setOutputStream(out);
        json.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(json);
        Logger haven = context.getLogger("dev.haven");
        Level level = haven.getLevel();
        haven.setLevel(Level.TRACE);
        List<String> tokens = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            String facilitatorToken = server.token("fac-1", "Fran " + CANARY, Role.FACILITATOR);
            String adminToken = server.token("olu", "Olu " + CANARY, Role.ADMIN);
            tokens.add(facilitatorToken);
            tokens.add(adminToken);
            try (TestClient fran = TestClient.withToken(server.port(), facilitatorToken);
                 TestClient sam = TestClient.guest(server.port(), "Sam " + CANARY)) {
                fran.request("{\"type\":\"join\",\"room\":\"lounge\"}");
                sam.request("{\"type\":\"join\",\"room\":\"lounge\"}");
                sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CANARY
                        + " I'm going to kill myself tonight\"}");
                sam.sendRaw(CANARY + " not json");
                sam.await(f -> "error".equals(f.path("type").asText()));
                Http.call(server.port(), "POST", "/api/v1/rooms/lounge/announcements", adminToken,
                        "{\"text\":\"" + CANARY + "\"}");
                Http.get(server.port(), "/api/v1/rooms", "Bearer-" + CANARY);
                try (TestClient admin = TestClient.connect(server.port())) {
                    admin.sendRaw("{\"type\":\"hello\",\"token\":\"" + adminToken + "\"}");
                    assertThat(admin.awaitClose()).as("an admin token is not for chat").isEqualTo(4001);
                }
            }
        } finally {
            root.detachAppender(json);
            haven.setLevel(level);
            json.stop();
        }
        String written = out.toString(StandardCharsets.UTF_8);
        List<String> lines = written.lines().toList();
        assertThat(lines).hasSizeGreaterThan(10);
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            JsonNode event = mapper.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.fieldNames()).toIterable().as(line).contains("ts", "level", "thread", "logger", "message");
        }
        assertThat(written).contains("\"message\":\"hello user=fac-1 role=facilitator");
        assertThat(written).doesNotContain(CANARY).doesNotContain("kill myself");
        for (String token : tokens) {
            assertThat(written).doesNotContain(token);
        }
    }
}
