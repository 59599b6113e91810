package dev.haven.server.it;

import static dev.haven.server.testing.Requests.ok;
import static dev.haven.server.testing.Requests.settle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The detector's second stage through a real server with the shipped model: Alice writes of a
 * crisis in words the lexicon does not know; the room gets her message as always, Fran the
 * facilitator gets the alert a moment later, and Alice is sent nothing.
 */
class ModelFlowTest {
    /** No lexicon entry matches it; the shipped model reads it as high. */
    private static final String QUIET_CRISIS = "I've written a letter for each of my children and put my papers in order";

    private final List<TestClient> clients = new ArrayList<>();
    private TestServer server;
    private TestClient fran;
    private TestClient alice;
    private TestClient bob;

    @BeforeEach
    void start() {
        server = TestServer.start();
        fran = user("fac-fran", "Fran", Role.FACILITATOR);
        alice = user("m-alice", "Alice", Role.MEMBER);
        bob = user("m-bob", "Bob", Role.MEMBER);
        for (TestClient client : clients) {
            ok(client, "{'type':'join','room':'" + TestServer.LOUNGE + "'}");
        }
        settle(fran, alice, bob);
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        server.close();
    }

    private TestClient user(String id, String name, Role role) {
        TestClient client = TestClient.withToken(server.port(), server.token(id, name, role));
        clients.add(client);
        return client;
    }

    private static boolean isCare(JsonNode frame) {
        String type = frame.path("type").asText();
        return type.equals("alert") || type.equals("notice") || type.equals("held_message");
    }

    @Test
    void aliceWritesOfACrisisTheLexiconMisses_theRoomGetsIt_franIsAlerted_aliceIsToldNothing() {
        long seq = send(alice, QUIET_CRISIS);
        assertThat(seq).isPositive();
        for (TestClient everyone : clients) {
            assertThat(everyone.await(f -> f.path("type").asText().equals("message")).path("text").asText())
                    .isEqualTo(QUIET_CRISIS);
        }

        JsonNode alert = fran.await(f -> f.path("type").asText().equals("alert") && f.path("kind").asText().equals("crisis"));
        assertThat(alert.path("member").asText()).isEqualTo("m-alice");
        assertThat(alert.path("seq").asLong()).isEqualTo(seq);
        assertThat(alert.path("tier").asText()).isEqualTo("high");
        assertThat(alert.toString()).as("never the words").doesNotContain("letter").doesNotContain("children");

        // The alert and any note for Alice would leave the room in the same task: both are queued by now.
        assertThat(settle(alice)).as("no support note for the model's alert").noneMatch(ModelFlowTest::isCare);
        assertThat(settle(bob)).noneMatch(ModelFlowTest::isCare);
    }

    @Test
    void anEverydayMessage_raisesNothing() {
        long everyday = send(alice, "had a lovely walk with the dog today");
        // Then a message the model does find: it reads in order, so its answer about the first came before.
        long crisis = send(alice, QUIET_CRISIS);
        JsonNode alert = fran.await(f -> f.path("type").asText().equals("alert") && f.path("kind").asText().equals("crisis"));
        assertThat(alert.path("seq").asLong()).as("about the second message only").isEqualTo(crisis).isNotEqualTo(everyday);
        assertThat(settle(fran)).as("one alert").noneMatch(ModelFlowTest::isCare);
    }

    private static long send(TestClient client, String text) {
        JsonNode reply = client.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}");
        assertThat(reply.path("type").asText()).isEqualTo("ok");
        return reply.path("seq").asLong();
    }
}
