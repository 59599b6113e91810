package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Romeo and Juliet chat in a room over real WebSocket connections. */
class ChatFlowTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hello_guest_getsUserAndHeartbeat() {
        try (TestClient client = TestClient.connect(server.port())) {
            JsonNode reply = client.request("{\"type\":\"hello\",\"name\":\"  Romeo \"}");
            assertThat(reply.path("type").asText()).isEqualTo("ok");
            assertThat(reply.path("user").path("name").asText()).isEqualTo("Romeo");
            assertThat(reply.path("user").path("role").asText()).isEqualTo("member");
            assertThat(reply.path("user").path("id").asText()).startsWith("guest-");
            assertThat(reply.path("heartbeatSeconds").asInt()).isEqualTo(30);
        }
    }

    @Test
    void hello_token_givesTheTokensIdentity() {
        try (TestClient client = TestClient.connect(server.port())) {
            String token = server.token("fac-1", "Fran", Role.FACILITATOR);
            JsonNode reply = client.request("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
            assertThat(reply.path("user").path("id").asText()).isEqualTo("fac-1");
            assertThat(reply.path("user").path("role").asText()).isEqualTo("facilitator");
        }
    }

    @Test
    void send_reachesEveryMemberIncludingTheSender() {
        try (TestClient romeo = TestClient.guest(server.port(), "Romeo");
             TestClient juliet = TestClient.guest(server.port(), "Juliet")) {
            romeo.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            juliet.request("{\"type\":\"join\",\"room\":\"lounge\"}");

            JsonNode ok = romeo.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"hello there\",\"clientId\":\"c1\"}");
            assertThat(ok.path("type").asText()).isEqualTo("ok");
            long seq = ok.path("seq").asLong();

            for (TestClient client : new TestClient[] {romeo, juliet}) {
                JsonNode message = client.awaitType("message");
                assertThat(message.path("room").asText()).isEqualTo("lounge");
                assertThat(message.path("seq").asLong()).isEqualTo(seq);
                assertThat(message.path("text").asText()).isEqualTo("hello there");
                assertThat(message.path("from").path("name").asText()).isEqualTo("Romeo");
                assertThat(message.path("clientId").asText()).isEqualTo("c1");
                assertThat(message.path("ts").asLong()).isPositive();
            }
        }
    }
}
