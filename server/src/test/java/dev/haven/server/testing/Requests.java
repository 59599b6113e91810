package dev.haven.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Requests written with single quotes for readability, and the checks integration tests share. */
public final class Requests {
    private Requests() {
    }

    /** The JSON with single quotes turned into double quotes. */
    public static String q(String json) {
        return json.replace('\'', '"');
    }

    /** Sends the request and asserts an {@code ok} reply, which it returns. */
    public static JsonNode ok(TestClient client, String json) {
        JsonNode reply = client.request(q(json));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("ok");
        return reply;
    }

    /** Sends the request and asserts an {@code error} reply, which it returns. */
    public static JsonNode error(TestClient client, String json) {
        JsonNode reply = client.request(q(json));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("error");
        return reply;
    }

    /** Everything queued for the client so far, after a ping round trip. */
    public static List<JsonNode> settle(TestClient client) {
        client.request("{\"type\":\"ping\"}");
        return client.drainReceived();
    }

    public static void settle(TestClient... several) {
        for (TestClient client : several) {
            settle(client);
        }
    }
}
