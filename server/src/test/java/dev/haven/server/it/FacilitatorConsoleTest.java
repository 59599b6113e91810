package dev.haven.server.it;

import static dev.haven.server.testing.Requests.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.SiteSettings;
import dev.haven.server.testing.ServerAndClients;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the web page's facilitator console and welcome read from the server: whether a
 * facilitator is in a group, the "muted and banned" list, moving a round on, and the site's own
 * facts before sign-in.
 */
class FacilitatorConsoleTest {
    private final ServerAndClients world = new ServerAndClients(TestServer.start());

    @AfterEach
    void stop() {
        world.close();
    }

    private TestClient person(String id, String name, Role role) {
        return world.person(id, name, role);
    }

    /** Fran (facilitator), Alex and Robin, all in the lounge. */
    private List<TestClient> franAlexAndRobinInTheLounge() {
        List<TestClient> three = List.of(person("fac-1", "Fran", Role.FACILITATOR), person("u-alex", "Alex", Role.MEMBER),
                person("u-robin", "Robin", Role.MEMBER));
        three.forEach(client -> ok(client, "{'type':'join','room':'lounge'}"));
        return three;
    }

    private static JsonNode directoryEntry(TestClient client, String room) {
        for (JsonNode entry : ok(client, "{'type':'rooms'}").path("rooms")) {
            if (entry.path("id").asText().equals(room)) {
                return entry;
            }
        }
        throw new AssertionError(room + " is not in the directory");
    }

    @Test
    void rooms_sayWhetherAFacilitatorIsPresentAndTheSessionsState() {
        TestClient sam = person("u-sam", "Sam", Role.MEMBER);
        assertThat(directoryEntry(sam, "lounge").path("facilitatorPresent").asBoolean(true)).isFalse();
        assertThat(directoryEntry(sam, "lounge").path("state").asText()).isEqualTo("open");

        TestClient fran = person("fac-1", "Fran", Role.FACILITATOR);
        ok(fran, "{'type':'join','room':'lounge'}");
        assertThat(directoryEntry(sam, "lounge").path("facilitatorPresent").asBoolean()).isTrue();
        assertThat(directoryEntry(sam, "lounge").path("members").asInt()).isZero();

        ok(fran, "{'type':'leave','room':'lounge'}");
        assertThat(directoryEntry(sam, "lounge").path("facilitatorPresent").asBoolean(true)).isFalse();
    }

    @Test
    void sanctions_listsEveryMuteAndBanWithTheNamesOfTheTime_andUnbanTakesOneOff() {
        List<TestClient> three = franAlexAndRobinInTheLounge();
        TestClient fran = three.get(0);
        TestClient alex = three.get(1);
        ok(fran, "{'type':'mute','room':'lounge','user':'u-robin','seconds':300}");
        ok(fran, "{'type':'ban','room':'lounge','user':'u-alex'}");

        JsonNode list = ok(fran, "{'type':'sanctions','room':'lounge'}");

        assertThat(list.path("muted").size()).isEqualTo(1);
        assertThat(list.path("muted").get(0).path("id").asText()).isEqualTo("u-robin");
        assertThat(list.path("muted").get(0).path("name").asText()).isEqualTo("Robin");
        assertThat(list.path("muted").get(0).path("until").asLong()).isPositive();
        assertThat(list.path("banned").size()).isEqualTo(1);
        assertThat(list.path("banned").get(0).path("name").asText()).as("Alex has left, and is still named")
                .isEqualTo("Alex");
        assertThat(list.path("banned").get(0).has("until")).as("until lifted").isFalse();

        JsonNode audit = ok(fran, "{'type':'audit','room':'lounge'}").path("entries");
        assertThat(audit.get(1).path("action").asText()).isEqualTo("mute");
        assertThat(audit.get(1).path("until").asLong() - audit.get(1).path("ts").asLong()).isBetween(295_000L, 300_000L);
        assertThat(audit.get(0).path("action").asText()).isEqualTo("ban");
        assertThat(audit.get(0).has("until")).isFalse();

        ok(fran, "{'type':'unban','room':'lounge','user':'u-alex'}");
        ok(fran, "{'type':'unmute','room':'lounge','user':'u-robin'}");
        JsonNode after = ok(fran, "{'type':'sanctions','room':'lounge'}");
        assertThat(after.path("banned").size()).isZero();
        assertThat(after.path("muted").size()).isZero();
        ok(alex, "{'type':'join','room':'lounge'}");
    }

    @Test
    void sanctions_byAMember_isForbidden() {
        TestClient alex = person("u-alex", "Alex", Role.MEMBER);
        ok(alex, "{'type':'join','room':'lounge'}");
        JsonNode refused = alex.request("{\"type\":\"sanctions\",\"room\":\"lounge\"}");
        assertThat(refused.path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void turnNext_movesTheRoundOnToTheNextSpeaker_andOnlyForAFacilitator() {
        List<TestClient> three = franAlexAndRobinInTheLounge();
        TestClient fran = three.get(0);
        TestClient alex = three.get(1);
        TestClient robin = three.get(2);
        ok(fran, "{'type':'round_start','room':'lounge','kind':'check_in','prompt':'One word'}");
        robin.await(f -> f.path("type").asText().equals("round") && f.path("speaker").asText().equals("u-alex"));
        assertThat(alex.request("{\"type\":\"turn_next\",\"room\":\"lounge\"}").path("code").asText())
                .isEqualTo("forbidden");

        ok(fran, "{'type':'turn_next','room':'lounge'}");

        robin.await(f -> f.path("type").asText().equals("round") && f.path("speaker").asText().equals("u-robin"));
        ok(fran, "{'type':'turn_next','room':'lounge'}");
        alex.await(f -> f.path("type").asText().equals("round") && f.path("state").asText().equals("ended"));
        assertThat(fran.request("{\"type\":\"turn_next\",\"room\":\"lounge\"}").path("code").asText())
                .isEqualTo("not_found");
    }

    @Test
    void siteJson_tellsTheWelcomeWhoRunsTheServerAndHowThePageHides() throws Exception {
        HavenConfig builtIn = new ConfigLoader().load(null, Map.of());
        world.replaceServer(TestServer.start(TestServer.config(200).withResources(builtIn.resources())
                .withSite(new SiteSettings("Run by the Riverside Clinic", "Notes", "https://example.org/weather",
                        "GB", "999", null))));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server().port() + "/site.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode site = new ObjectMapper().readTree(response.body());
        assertThat(site.path("operator").asText()).isEqualTo("Run by the Riverside Clinic");
        assertThat(site.path("neutralTitle").asText()).isEqualTo("Notes");
        assertThat(site.path("quickExitUrl").asText()).isEqualTo("https://example.org/weather");
        assertThat(site.path("emergencyNumber").asText()).isEqualTo("999");
        assertThat(site.path("historyHours").asLong()).isEqualTo(24);
        assertThat(site.path("guestResumeHours").asLong()).isEqualTo(12);
        assertThat(site.path("helplines").findValuesAsText("id")).startsWith("gb-samaritans").contains("int-findahelpline")
                .doesNotContain("us-988");
    }

    @Test
    void guidelines_carryTheServersNoticeAfterTheRoomsOwnText() {
        world.replaceServer(TestServer.start(TestServer.config(200).withSite(SiteSettings.defaults()
                .withGuidelinesNotice("Messages are read automatically for crisis language."))));
        TestClient sam = person("u-sam", "Sam", Role.MEMBER);

        assertThat(directoryEntry(sam, "circle").path("guidelines").asText())
                .isEqualTo("Be kind.\n\nMessages are read automatically for crisis language.");
        assertThat(directoryEntry(sam, "lounge").has("guidelines")).as("a room without guidelines stays without")
                .isFalse();
    }
}
