package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The people of the session tests, over real WebSocket connections to a server on a manual
 * clock: requests written with single quotes, replies checked, events awaited.
 */
final class SessionClients implements AutoCloseable {
    /** Requires a facilitator, and has guidelines. */
    static final String GROUP = "group";
    /** Does not require a facilitator. */
    static final String LOUNGE = "lounge";

    final TestServer server;
    private final List<TestClient> clients = new ArrayList<>();

    /** The built-in helplines; the group is for veterans in the US. */
    SessionClients() {
        HavenConfig config = TestServer.config(200).withResources(new ConfigLoader().load(null, Map.of()).resources())
                .withRooms(List.of(
                new RoomSettings(GROUP, "Evening Group", RoomCategory.CONDITION, "Thursday evenings", List.of("evening"),
                        10, "Be kind.", false, "US", "veterans", null).withRequireFacilitator(true),
                new RoomSettings(LOUNGE, "Lounge", RoomCategory.GENERAL, "Drop in", List.of("drop-in"), 100, null,
                        false)));
        this.server = TestServer.startWithManualTime(config);
    }

    TestClient person(String id, String name, Role role) {
        TestClient client = TestClient.withToken(server.port(), server.token(id, name, role));
        clients.add(client);
        return client;
    }

    TestClient guest(String name) {
        TestClient client = TestClient.guest(server.port(), name);
        clients.add(client);
        return client;
    }

    static String q(String json) {
        return json.replace('\'', '"');
    }

    static JsonNode ok(TestClient client, String json) {
        JsonNode reply = client.request(q(json));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("ok");
        return reply;
    }

    static JsonNode error(TestClient client, String json, String code) {
        JsonNode reply = client.request(q(json));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("error");
        assertThat(reply.path("code").asText()).as("code of %s: %s", json, reply).isEqualTo(code);
        return reply;
    }

    static JsonNode join(TestClient client, String room) {
        return ok(client, "{'type':'join','room':'" + room + "','acceptGuidelines':true}");
    }

    /** Everything queued for the client so far, after a round trip. */
    static List<JsonNode> settle(TestClient client) {
        client.request("{\"type\":\"ping\"}");
        return client.drainReceived();
    }

    static void settle(TestClient... several) {
        for (TestClient client : several) {
            settle(client);
        }
    }

    static JsonNode awaitNotice(TestClient client, String kind) {
        return client.await(f -> f.path("type").asText().equals("notice") && f.path("kind").asText().equals(kind));
    }

    static JsonNode awaitRound(TestClient client, String state, String speaker) {
        return client.await(f -> f.path("type").asText().equals("round") && f.path("state").asText().equals(state)
                && (speaker == null ? f.path("speaker").isNull() : f.path("speaker").asText().equals(speaker)));
    }

    static JsonNode awaitRoomState(TestClient client, String state) {
        return client.await(f -> f.path("type").asText().equals("room_updated")
                && f.path("room").path("state").asText().equals(state));
    }

    static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static Set<String> fieldNames(JsonNode frame) {
        Set<String> names = new TreeSet<>();
        frame.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    public void close() {
        clients.forEach(TestClient::close);
        server.close();
    }
}
