package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits that end a session: too many bad frames (1008) and a token expiring while connected
 * (4001). Each shows its close code, and that a member chatting meanwhile notices nothing.
 */
class SessionLimitsTest {
    private static TestServer server;
    private static TestClient bystander;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        bystander = TestClient.guest(server.port(), "Bystander");
        assertThat(bystander.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");
    }

    @AfterAll
    static void stop() {
        if (bystander != null) {
            bystander.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void badFrames_tenAreAnsweredTheEleventhWithinAMinuteClosesWith1008() {
        try (TestClient client = TestClient.guest(server.port(), "Fumbler")) {
            assertThat(client.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");
            List<String> bad = List.of("not json", "{\"type\":\"dance\"}", "[1]", "{\"type\":\"join\",\"room\":5}");
            for (int i = 0; i < 10; i++) {
                client.sendRaw(bad.get(i % bad.size()));
                JsonNode reply = client.await(f -> "error".equals(f.path("type").asText()));
                assertThat(reply.path("code").asText()).isIn("bad_request", "unknown_type");
            }
            assertThat(client.request("{\"type\":\"ping\"}").path("type").asText())
                    .as("ten bad frames are tolerated").isEqualTo("ok");

            client.sendRaw("still not json");

            assertThat(client.awaitClose()).isEqualTo(1008);
            assertThat(client.closeReason()).isEqualTo("too many bad frames");
        }
        assertBystanderStillChats();
    }

    @Test
    void token_expiringWhileConnected_closesWith4001AndTheMemberLeavesTheRoom() {
        String shortLived = server.token("brief-1", "Brief", Role.MEMBER, Duration.ofSeconds(2));
        try (TestClient client = TestClient.withToken(server.port(), shortLived)) {
            assertThat(client.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");
            long connectedAt = System.nanoTime();

            assertThat(client.awaitClose()).isEqualTo(4001);

            assertThat(client.closeReason()).isEqualTo("token expired");
            assertThat(Duration.ofNanos(System.nanoTime() - connectedAt)).isLessThan(Duration.ofSeconds(4));
            JsonNode left = bystander.await(f -> "presence".equals(f.path("type").asText())
                    && "leave".equals(f.path("event").asText())
                    && "brief-1".equals(f.path("member").path("id").asText()));
            assertThat(left.path("room").asText()).isEqualTo("lounge");
        }
        assertBystanderStillChats();
    }

    @Test
    void token_validLongerThanTheTest_keepsTheConnection() {
        try (TestClient client = TestClient.withToken(server.port(), server.token("long-1", "Long", Role.MEMBER))) {
            assertThat(client.request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
            assertThat(client.isClosed()).isFalse();
        }
    }

    private static void assertBystanderStillChats() {
        String text = "still chatting " + UUID.randomUUID();
        assertThat(bystander.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}")
                .path("type").asText()).isEqualTo("ok");
        JsonNode message = bystander.await(f -> "message".equals(f.path("type").asText())
                && text.equals(f.path("text").asText()));
        assertThat(message.path("from").path("name").asText()).isEqualTo("Bystander");
        assertThat(bystander.isClosed()).isFalse();
    }
}
