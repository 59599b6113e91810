package dev.haven.server.it;

import static dev.haven.server.it.SessionClients.LOUNGE;
import static dev.haven.server.it.SessionClients.error;
import static dev.haven.server.it.SessionClients.join;
import static dev.haven.server.it.SessionClients.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A content warning travels with its message, live and in the held history. */
class ContentWarningTest {
    private final SessionClients people = new SessionClients();
    private final TestClient alice = people.person("m-alice", "Alice", Role.MEMBER);
    private final TestClient bob = people.person("m-bob", "Bob", Role.MEMBER);

    @AfterEach
    void stop() {
        people.close();
    }

    @Test
    void cw_onSend_isCarriedByTheMessage_toEveryone_andInHistory() {
        join(alice, LOUNGE);
        join(bob, LOUNGE);
        ok(alice, "{'type':'send','room':'lounge','text':'Last week was very dark for me.',"
                + "'cw':{'label':'self_harm'}}");
        ok(alice, "{'type':'send','room':'lounge','text':'The anniversary of the crash.',"
                + "'cw':{'label':'custom','text':'a car accident'}}");
        ok(alice, "{'type':'send','room':'lounge','text':'Thanks for listening.'}");

        JsonNode first = bob.awaitType("message");
        assertThat(first.path("cw").toString()).isEqualTo("{\"label\":\"self_harm\"}");
        JsonNode second = alice.await(f -> f.path("type").asText().equals("message") && f.path("seq").asLong() == 2);
        assertThat(second.path("cw").path("label").asText()).isEqualTo("custom");
        assertThat(second.path("cw").path("text").asText()).isEqualTo("a car accident");

        JsonNode history = join(people.person("m-carol", "Carol", Role.MEMBER), LOUNGE).path("history");
        assertThat(history.get(0).path("cw").path("label").asText()).isEqualTo("self_harm");
        assertThat(history.get(1).path("cw").path("text").asText()).isEqualTo("a car accident");
        assertThat(history.get(2).has("cw")).isFalse();
    }

    @Test
    void cw_withAnUnknownLabel_orACustomOneWithoutWords_isABadRequest() {
        join(alice, LOUNGE);
        JsonNode unknown = error(alice, "{'type':'send','room':'lounge','text':'x','cw':{'label':'gore'}}",
                "bad_request");
        assertThat(unknown.path("message").asText()).contains("suicide, self_harm, substance_use, trauma, abuse, custom")
                .doesNotContain("gore");
        error(alice, "{'type':'send','room':'lounge','text':'x','cw':{'label':'custom'}}", "bad_request");
        error(alice, "{'type':'send','room':'lounge','text':'x','cw':{'label':'custom','text':'" + "w".repeat(101)
                + "'}}", "bad_request");
    }
}
