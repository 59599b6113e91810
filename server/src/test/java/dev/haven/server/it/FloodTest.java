package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A client that keeps flooding is refused, then closed with 1008; others carry on. */
class FloodTest {
    @Test
    void send_floodingFarPastTheLimit_closesWith1008AndBystanderCarriesOn() {
        try (TestServer server = TestServer.start();
             TestClient bystander = TestClient.guest(server.port(), "Alex");
             TestClient flooder = TestClient.guest(server.port(), "Flood")) {
            bystander.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            flooder.request("{\"type\":\"join\",\"room\":\"lounge\"}");

            // 20 pass on the burst, the next 50 are refused, the one after that closes.
            for (int i = 0; i < 90 && !flooder.isClosed(); i++) {
                try {
                    flooder.sendRaw("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"flood " + i + "\"}");
                } catch (CompletionException closedMeanwhile) {
                    break;
                }
            }
            assertThat(flooder.awaitClose()).isEqualTo(1008);
            assertThat(flooder.closeReason()).isEqualTo("flooding");
            List<JsonNode> refusals = new ArrayList<>();
            for (JsonNode frame : flooder.drainReceived()) {
                if ("rate_limited".equals(frame.path("code").asText())) {
                    refusals.add(frame);
                }
            }
            assertThat(refusals).isNotEmpty().allSatisfy(r -> assertThat(r.path("retryAfterMs").asLong()).isPositive());

            JsonNode ok = bystander.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"still here\"}");
            assertThat(ok.path("type").asText()).isEqualTo("ok");
        }
    }
}
