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

    @Test
    void join_since_catchesUpOnWhatWasMissedWithoutDuplicates() {
        try (TestClient romeo = TestClient.guest(server.port(), "Romeo")) {
            romeo.request("{\"type\":\"join\",\"room\":\"circle\",\"acceptGuidelines\":true}");
            long first = romeo.request("{\"type\":\"send\",\"room\":\"circle\",\"text\":\"one\"}").path("seq").asLong();
            long lastSeen;
            try (TestClient juliet = TestClient.guest(server.port(), "Juliet")) {
                JsonNode joined = juliet.request("{\"type\":\"join\",\"room\":\"circle\",\"acceptGuidelines\":true}");
                assertThat(joined.path("history").findValuesAsText("text")).contains("one");
                lastSeen = joined.path("seq").asLong();
                assertThat(lastSeen).isEqualTo(first);
            }
            romeo.request("{\"type\":\"send\",\"room\":\"circle\",\"text\":\"two\"}");
            romeo.request("{\"type\":\"send\",\"room\":\"circle\",\"text\":\"three\"}");

            try (TestClient julietAgain = TestClient.guest(server.port(), "Juliet")) {
                JsonNode caughtUp = julietAgain.request("{\"type\":\"join\",\"room\":\"circle\",\"acceptGuidelines\":true,\"since\":"
                        + lastSeen + "}");
                assertThat(caughtUp.path("history").findValuesAsText("text")).containsExactly("two", "three");
                assertThat(caughtUp.path("history").get(0).path("seq").asLong()).isEqualTo(lastSeen + 1);
                assertThat(caughtUp.path("gap").asBoolean()).isFalse();
                assertThat(caughtUp.path("seq").asLong()).isEqualTo(lastSeen + 2);
            }
        }
    }

    @Test
    void disconnect_othersSeeTheMemberLeave() {
        try (TestClient romeo = TestClient.guest(server.port(), "Romeo");
             TestClient juliet = TestClient.guest(server.port(), "Juliet")) {
            romeo.request("{\"type\":\"join\",\"room\":\"small\"}");
            JsonNode joined = juliet.request("{\"type\":\"join\",\"room\":\"small\"}");
            String julietId = joined.path("members").get(1).path("id").asText();
            JsonNode arrival = romeo.awaitType("presence");
            assertThat(arrival.path("event").asText()).isEqualTo("join");
            assertThat(arrival.path("member").path("name").asText()).isEqualTo("Juliet");

            juliet.abort();

            JsonNode departure = romeo.awaitType("presence");
            assertThat(departure.path("event").asText()).isEqualTo("leave");
            assertThat(departure.path("member").path("id").asText()).isEqualTo(julietId);
        }
    }

    @Test
    void send_userConnectedTwice_bothConnectionsReceive() {
        String token = server.token("user-7", "Sam", Role.MEMBER);
        try (TestClient phone = TestClient.withToken(server.port(), token);
             TestClient laptop = TestClient.withToken(server.port(), token);
             TestClient other = TestClient.guest(server.port(), "Alex")) {
            phone.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            laptop.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            other.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            JsonNode members = other.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("members");
            assertThat(members.findValuesAsText("id")).containsOnlyOnce("user-7");

            other.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"to both tabs\"}");
            assertThat(phone.awaitType("message").path("text").asText()).isEqualTo("to both tabs");
            assertThat(laptop.awaitType("message").path("text").asText()).isEqualTo("to both tabs");
        }
    }

    @Test
    void send_nonMemberOfTheRoom_receivesNothing() {
        try (TestClient inside = TestClient.guest(server.port(), "Inside");
             TestClient outside = TestClient.guest(server.port(), "Outside")) {
            inside.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            outside.request("{\"type\":\"join\",\"room\":\"small\"}");
            inside.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"private\"}");
            inside.awaitType("message");
            // A ping round trip after the message proves the outsider's queue held nothing before it.
            outside.request("{\"type\":\"ping\"}");
            assertThat(outside.drainReceived()).noneMatch(f -> f.path("type").asText().equals("message"));
        }
    }

    @Test
    void rooms_filtersByCategoryTagAndText() {
        try (TestClient client = TestClient.guest(server.port(), "Browser")) {
            assertThat(client.request("{\"type\":\"rooms\"}").path("rooms").findValuesAsText("id"))
                    .containsExactly("lounge", "circle", "small");
            assertThat(client.request("{\"type\":\"rooms\",\"category\":\"condition\"}").path("rooms")
                    .findValuesAsText("id")).containsExactly("circle");
            assertThat(client.request("{\"type\":\"rooms\",\"tag\":\"PAIR\"}").path("rooms")
                    .findValuesAsText("id")).containsExactly("small");
            assertThat(client.request("{\"type\":\"rooms\",\"q\":\"panic\"}").path("rooms")
                    .findValuesAsText("id")).containsExactly("circle");
            JsonNode circle = client.request("{\"type\":\"rooms\",\"q\":\"anxiety\"}").path("rooms").get(0);
            assertThat(circle.path("guidelines").asText()).isEqualTo("Be kind.");
            assertThat(circle.path("capacity").asInt()).isEqualTo(30);
            assertThat(circle.path("admission").asText()).isEqualTo("open");
            assertThat(circle.path("locked").asBoolean()).isFalse();
        }
    }

    @Test
    void ping_getsEmptyOk() {
        try (TestClient client = TestClient.guest(server.port(), "Pinger")) {
            JsonNode reply = client.request("{\"type\":\"ping\"}");
            assertThat(reply.path("type").asText()).isEqualTo("ok");
            assertThat(reply.size()).isEqualTo(2);
        }
    }
}
