package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health checks and stopping. */
class LifecycleTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthz_reportsConnectionsAndRooms() throws Exception {
        try (TestServer server = TestServer.start();
             TestClient client = TestClient.guest(server.port(), "Sam")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/healthz")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.path("connections").asInt()).isEqualTo(1);
            assertThat(body.path("rooms").asInt()).isEqualTo(3);
            assertThat(body.has("uptimeSeconds")).isTrue();
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void stop_closesEveryClientWith1001AndStopsAccepting() {
        TestServer server = TestServer.start();
        TestClient joined = TestClient.guest(server.port(), "Sam");
        TestClient idle = TestClient.connect(server.port());
        joined.request("{\"type\":\"join\",\"room\":\"lounge\"}");
        long started = System.nanoTime();

        server.close();

        assertThat(joined.awaitClose()).isEqualTo(1001);
        assertThat(idle.awaitClose()).isEqualTo(1001);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> error != null).join()).as("connection refused after stop").isTrue();
    }
}
