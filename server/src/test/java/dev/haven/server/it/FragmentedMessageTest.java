package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A message may arrive in several frames; the size limit holds for the whole message. */
class FragmentedMessageTest {
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
    void send_inThreeFragments_isOneRequest() {
        try (TestClient client = TestClient.guest(server.port(), "Sam")) {
            client.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            client.sendFragments("{\"id\":\"f1\",\"type\":\"se", "nd\",\"room\":\"lounge\",", "\"text\":\"whole\"}");
            JsonNode reply = client.awaitReply("f1");
            assertThat(reply.path("type").asText()).isEqualTo("ok");
            assertThat(client.awaitType("message").path("text").asText()).isEqualTo("whole");
        }
    }

    @Test
    void send_fragmentsAddingUpPastTheLimit_closeWith1009AndOthersCarryOn() {
        try (TestClient bystander = TestClient.guest(server.port(), "Alex");
             TestClient flooder = TestClient.guest(server.port(), "Flood")) {
            String part = "x".repeat(30 * 1024);
            try {
                flooder.sendFragments("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"", part, part, part, "\"}");
            } catch (CompletionException closedFirst) {
                // The server may close as soon as the fragments pass the limit, before the last is sent.
            }
            assertThat(flooder.awaitClose()).isEqualTo(1009);
            assertThat(bystander.request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
        }
    }
}
