package dev.haven.server.it;

import static dev.haven.server.it.SessionClients.LOUNGE;
import static dev.haven.server.it.SessionClients.join;
import static dev.haven.server.it.SessionClients.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sanctioned guest cannot slip past the facilitator under a new pseudonym, by leaving first,
 * or from a second tab. Every guest here connects from 127.0.0.1, as one person would.
 */
class SanctionEvasionTest {
    private final SessionClients people = new SessionClients();

    @AfterEach
    void stop() {
        people.close();
    }

    private static JsonNode send(TestClient client, String text) {
        return client.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}");
    }

    private static String idOf(TestClient fran, String name) {
        JsonNode joined = fran.request("{\"type\":\"join\",\"room\":\"lounge\"}");
        for (JsonNode member : joined.path("members")) {
            if (member.path("name").asText().equals(name)) {
                return member.path("id").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + joined);
    }

    @Test
    void mutedGuest_comingBackUnderANewPseudonym_isStillMuted() {
        TestClient fran = people.person("fac-fran", "Fran", Role.FACILITATOR);
        TestClient sam = people.guest("Sam");
        join(fran, LOUNGE);
        join(sam, LOUNGE);
        ok(fran, "{'type':'mute','room':'lounge','user':'" + idOf(fran, "Sam") + "','seconds':600}");
        sam.close();

        TestClient kit = people.guest("Kit");
        join(kit, LOUNGE);

        assertThat(kit.await(f -> f.path("type").asText().equals("notice")).path("kind").asText()).isEqualTo("muted");
        assertThat(send(kit, "hello again").path("code").asText()).isEqualTo("muted");
    }

    @Test
    void guestBannedJustAfterLeaving_cannotComeBackUnderANewPseudonym() {
        TestClient fran = people.person("fac-fran", "Fran", Role.FACILITATOR);
        TestClient sam = people.guest("Sam");
        join(fran, LOUNGE);
        join(sam, LOUNGE);
        String samId = idOf(fran, "Sam");
        ok(sam, "{'type':'leave','room':'lounge'}");

        ok(fran, "{'type':'ban','room':'lounge','user':'" + samId + "'}");

        TestClient pine = people.guest("Pine");
        assertThat(pine.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("code").asText()).isEqualTo("banned");
    }

    @Test
    void ban_ofAGuestWithTwoTabs_endsBoth() {
        TestClient fran = people.person("fac-fran", "Fran", Role.FACILITATOR);
        TestClient tab1 = people.guest("Sam");
        TestClient tab2 = people.guest("Sam");
        join(fran, LOUNGE);
        join(tab1, LOUNGE);
        join(tab2, LOUNGE);

        ok(fran, "{'type':'ban','room':'lounge','user':'" + idOf(fran, "Sam") + "'}");

        for (TestClient tab : new TestClient[] {tab1, tab2}) {
            assertThat(tab.await(f -> f.path("type").asText().equals("notice")).path("kind").asText())
                    .isEqualTo("banned");
            assertThat(send(tab, "still here?").path("code").asText()).isEqualTo("not_in_room");
        }
        assertThat(fran.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("members").findValuesAsText("name"))
                .as("neither tab is left in the room").containsExactly("Fran");
    }
}
