package dev.haven.server.it;

import static dev.haven.server.it.SessionClients.GROUP;
import static dev.haven.server.it.SessionClients.error;
import static dev.haven.server.it.SessionClients.join;
import static dev.haven.server.it.SessionClients.ok;
import static dev.haven.server.it.SessionClients.settle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changed guidelines must be accepted again, by members present and by newcomers alike. */
class GuidelinesVersionTest {
    private final SessionClients people = new SessionClients();
    private final TestClient fran = people.person("fac-1", "Fran", Role.FACILITATOR);
    private final TestClient alice = people.person("m-alice", "Alice", Role.MEMBER);

    @AfterEach
    void stop() {
        people.close();
    }

    @Test
    void changedGuidelines_mustBeAcceptedAgainBeforeWriting() {
        assertThat(join(alice, GROUP).path("room").path("guidelinesVersion").asInt()).isEqualTo(1);
        join(fran, GROUP);
        ok(fran, "{'type':'open_session','room':'group'}");
        ok(alice, "{'type':'send','room':'group','text':'hello'}");
        settle(alice);

        ok(fran, "{'type':'set_room','room':'group','guidelines':'Be kind. No advice unless asked.'}");
        JsonNode updated = alice.awaitType("room_updated").path("room");
        assertThat(updated.path("guidelinesVersion").asInt()).isEqualTo(2);
        assertThat(updated.path("guidelines").asText()).isEqualTo("Be kind. No advice unless asked.");

        JsonNode refused = error(alice, "{'type':'send','room':'group','text':'hi again'}", "guidelines_required");
        assertThat(refused.path("message").asText()).contains("version 2");
        ok(fran, "{'type':'send','room':'group','text':'facilitators keep writing'}");
        error(alice, "{'type':'join','room':'group','acceptGuidelines':true,'guidelinesVersion':1}",
                "guidelines_required");
        ok(alice, "{'type':'join','room':'group'}");
        error(alice, "{'type':'send','room':'group','text':'hi again'}", "guidelines_required");

        ok(alice, "{'type':'join','room':'group','acceptGuidelines':true,'guidelinesVersion':2}");
        ok(alice, "{'type':'send','room':'group','text':'hi again'}");

        TestClient bob = people.person("m-bob", "Bob", Role.MEMBER);
        error(bob, "{'type':'join','room':'group','acceptGuidelines':true,'guidelinesVersion':1}", "guidelines_required");
        error(bob, "{'type':'join','room':'group'}", "guidelines_required");
        ok(bob, "{'type':'join','room':'group','acceptGuidelines':true}");
        ok(bob, "{'type':'send','room':'group','text':'hello'}");
        assertThat(ok(fran, "{'type':'audit','room':'group'}").path("entries").toString())
                .contains("guidelines=changed").doesNotContain("No advice");
    }
}
