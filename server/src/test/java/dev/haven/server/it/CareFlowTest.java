package dev.haven.server.it;

import static dev.haven.server.testing.Requests.ok;
import static dev.haven.server.testing.Requests.q;
import static dev.haven.server.testing.Requests.settle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duty of care end to end over real WebSocket connections: two facilitators, two members and
 * a supervisor; the rooms read time from a manual clock, which the test moves on instead of
 * sleeping (an alert's escalation is read from the clock every second). "Nobody else got it" is
 * checked after a ping round trip on the other connection, by which time the room has queued
 * everything the request caused.
 */
class CareFlowTest {
    private static final String ROOM = "care";
    private static final String CRISIS = "I can't do this anymore. I'm going to kill myself tonight";
    private static final String CARD_TEXT = "988 Suicide & Crisis Lifeline, call or text 988, 24/7, free and confidential";

    private final ManualClock clock = new ManualClock(Instant.now());
    private final List<TestClient> clients = new ArrayList<>();
    private TestServer server;
    private TestClient fac;
    private TestClient fac2;
    private TestClient alice;
    private TestClient bob;

    @BeforeEach
    void start() {
        HavenConfig defaults = new ConfigLoader().load(null, Map.of());
        HavenConfig config = TestServer.config(200).withResources(defaults.resources()).withRooms(List.of(
                new RoomSettings(ROOM, "Care Room", RoomCategory.GENERAL, "t", List.of(), 50, null, false, "US", null,
                        null),
                new RoomSettings("held", "Holding Room", RoomCategory.GENERAL, "t", List.of(), 50, null, false, "GB",
                        null, true)));
        server = TestServer.start(config, clock);
        fac = user("fac-1", "Fran", Role.FACILITATOR);
        fac2 = user("fac-2", "Fay", Role.FACILITATOR);
        alice = user("m-alice", "Alice", Role.MEMBER);
        bob = user("m-bob", "Bob", Role.MEMBER);
        for (TestClient client : List.of(fac, fac2, alice, bob)) {
            ok(client, "{'type':'join','room':'care'}");
        }
        settle(fac, fac2, alice, bob);
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

    private static JsonNode send(TestClient client, String text) {
        return client.request("{\"type\":\"send\",\"room\":\"" + ROOM + "\",\"text\":\"" + text + "\"}");
    }

    private static JsonNode alert(TestClient client, String kind) {
        return client.await(f -> f.path("type").asText().equals("alert") && f.path("kind").asText().equals(kind));
    }

    private static JsonNode support(TestClient client) {
        return client.await(f -> f.path("type").asText().equals("notice") && f.path("kind").asText().equals("support"));
    }

    private static boolean isCare(JsonNode frame) {
        String type = frame.path("type").asText();
        return type.equals("alert") || type.equals("notice") || type.equals("held_message");
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void crisisMessage_isStillDeliveredToTheRoom_onlyTheAuthorGetsSupport_onlyFacilitatorsGetTheAlert() {
        long seq = send(alice, CRISIS).path("seq").asLong();
        assertThat(seq).isPositive();

        JsonNode notice = support(alice);
        assertThat(notice.path("text").asText()).contains("you don't have to carry it alone")
                .contains("facilitators has been told").doesNotContain("kill");
        assertThat(notice.path("resources")).extracting(c -> c.path("id").asText())
                .containsExactly("us-988", "us-crisis-text-line", "int-findahelpline");
        for (TestClient facilitator : List.of(fac, fac2)) {
            JsonNode alert = alert(facilitator, "crisis");
            assertThat(alert.path("room").asText()).isEqualTo(ROOM);
            assertThat(alert.path("member").asText()).isEqualTo("m-alice");
            assertThat(alert.path("tier").asText()).isEqualTo("high");
            assertThat(alert.path("seq").asLong()).isEqualTo(seq);
            assertThat(alert.path("urgent").asBoolean(true)).isFalse();
            assertThat(alert.path("alertId").asText()).isEqualTo(notice.path("alertId").asText());
            assertThat(alert.toString()).as("no text, no matched words").doesNotContain("kill").doesNotContain("tonight");
        }
        for (TestClient everyone : List.of(fac, fac2, alice, bob)) {
            JsonNode message = everyone.await(f -> f.path("type").asText().equals("message"));
            assertThat(message.path("text").asText()).isEqualTo(CRISIS);
        }
        assertThat(settle(bob)).as("Bob gets the message, nothing else").noneMatch(CareFlowTest::isCare);
        assertThat(settle(alice)).as("no alert for the author").noneMatch(f -> f.path("type").asText().equals("alert"));
    }

    @Test
    void unacknowledgedAlert_becomesUrgent_thenReachesASupervisor_asTheClockMoves() {
        TestClient supervisor = user("sup-1", "Sam", Role.SUPERVISOR);
        String alertId = alertIdOf(send(alice, CRISIS));
        settle(fac, fac2);

        clock.advance(Duration.ofSeconds(61));
        JsonNode urgent = alert(fac, "crisis");
        assertThat(urgent.path("alertId").asText()).isEqualTo(alertId);
        assertThat(urgent.path("urgent").asBoolean()).isTrue();
        assertThat(settle(supervisor)).as("not yet for supervisors").noneMatch(CareFlowTest::isCare);

        clock.advance(Duration.ofSeconds(61));
        JsonNode escalated = alert(supervisor, "crisis");
        assertThat(escalated.path("alertId").asText()).isEqualTo(alertId);
        assertThat(escalated.path("room").asText()).isEqualTo(ROOM);
        assertThat(escalated.path("escalated").asBoolean()).isTrue();
        assertThat(escalated.path("urgent").asBoolean()).isTrue();

        // The supervisor acts without joining the room; both facilitators hear of it.
        ok(supervisor, "{'type':'ack_alert','room':'care','alertId':'" + alertId + "','action':'handled'}");
        for (TestClient facilitator : List.of(fac, fac2)) {
            JsonNode update = alert(facilitator, "crisis_update");
            assertThat(update.path("by").asText()).isEqualTo("sup-1");
            assertThat(update.path("action").asText()).isEqualTo("handled");
        }
    }

    @Test
    void ackAlert_reachesEveryFacilitator_andStopsTheEscalation() {
        String alertId = alertIdOf(send(alice, CRISIS));
        ok(fac, "{'type':'ack_alert','room':'care','alertId':'" + alertId + "','action':'reaching_out'}");
        for (TestClient facilitator : List.of(fac, fac2)) {
            JsonNode update = alert(facilitator, "crisis_update");
            assertThat(update.path("alertId").asText()).isEqualTo(alertId);
            assertThat(update.path("by").asText()).isEqualTo("fac-1");
            assertThat(update.path("action").asText()).isEqualTo("reaching_out");
            assertThat(update.path("member").asText()).isEqualTo("m-alice");
        }
        assertThat(settle(alice)).noneMatch(f -> f.path("type").asText().equals("alert"));
        assertThat(settle(bob)).noneMatch(CareFlowTest::isCare);

        // Bob's alert, not acknowledged, shows when the escalation poll has run after the clock moved;
        // the poll handles every alert of the room in one pass, Alice's (older) first.
        settle(fac);
        send(bob, CRISIS);
        String bobsAlert = alert(fac, "crisis").path("alertId").asText();
        assertThat(bobsAlert).isNotEqualTo(alertId);
        settle(fac);
        clock.advance(Duration.ofSeconds(61));
        JsonNode urgent = alert(fac, "crisis");
        assertThat(urgent.path("alertId").asText()).isEqualTo(bobsAlert);
        assertThat(urgent.path("urgent").asBoolean()).isTrue();
        assertThat(settle(fac)).noneMatch(f -> f.path("alertId").asText().equals(alertId));
    }

    @Test
    void facilitatorsMessage_andTheServersOwnResourceText_neverTrigger() {
        JsonNode own = send(fac, CRISIS);
        assertThat(own.path("type").asText()).isEqualTo("ok");
        ok(fac, "{'type':'share_resource','room':'care','card':'us-988'}");
        JsonNode shared = alice.await(f -> f.path("type").asText().equals("resource"));
        assertThat(shared.path("card").path("id").asText()).isEqualTo("us-988");
        send(alice, CARD_TEXT);
        send(bob, shared.path("card").path("name").asText());
        for (TestClient client : List.of(fac, fac2, alice, bob)) {
            assertThat(settle(client)).noneMatch(f -> f.path("type").asText().equals("alert")
                    || f.path("kind").asText().equals("support"));
        }
    }

    @Test
    void noFacilitatorPresent_givesTheHonestNotice_withAlwaysOpenServices() {
        ok(fac, "{'type':'leave','room':'care'}");
        ok(fac2, "{'type':'leave','room':'care'}");
        send(alice, CRISIS);
        JsonNode notice = support(alice);
        assertThat(notice.path("text").asText()).contains("No facilitator is in this room at the moment")
                .contains("nobody here can reach out to you right away");
        assertThat(notice.path("resources")).isNotEmpty().allSatisfy(c -> assertThat(c.path("alwaysOpen").asBoolean()).isTrue());

        // A facilitator coming in receives the open alert after its join reply.
        JsonNode joined = ok(fac, "{'type':'join','room':'care'}");
        assertThat(joined.path("room").path("id").asText()).isEqualTo(ROOM);
        assertThat(alert(fac, "crisis").path("member").asText()).isEqualTo("m-alice");
    }

    // ------------------------------------------------------------------ more of the contract

    @Test
    void supervisorConnectingAfterAnEscalation_receivesIt_afterItsHelloReply() {
        ok(fac, "{'type':'leave','room':'care'}");
        ok(fac2, "{'type':'leave','room':'care'}");
        String alertId = alertIdOf(send(alice, CRISIS));
        TestClient supervisor = TestClient.connect(server.port());
        clients.add(supervisor);
        JsonNode hello = supervisor.request(q("{'type':'hello','token':'" + server.token("sup-2", "Sue", Role.SUPERVISOR) + "'}"));
        assertThat(hello.path("user").path("role").asText()).isEqualTo("supervisor");
        JsonNode escalated = supervisor.nextFrame();
        assertThat(escalated.path("kind").asText()).isEqualTo("crisis");
        assertThat(escalated.path("alertId").asText()).isEqualTo(alertId);
    }

    @Test
    void requestFacilitator_alertsFacilitators_withTheNote() {
        ok(bob, "{'type':'request_facilitator','room':'care','note':'could someone check in with me?'}");
        JsonNode alert = alert(fac2, "request_facilitator");
        assertThat(alert.path("member").asText()).isEqualTo("m-bob");
        assertThat(alert.path("note").asText()).isEqualTo("could someone check in with me?");
        ok(fac, "{'type':'ack_alert','room':'care','alertId':'" + alert.path("alertId").asText()
                + "','action':'reaching_out'}");
        assertThat(alert(fac2, "request_facilitator_update").path("action").asText()).isEqualTo("reaching_out");
        assertThat(settle(alice)).noneMatch(CareFlowTest::isCare);
    }

    @Test
    void resources_areTheRoomsHelplines_forAnyMember() {
        JsonNode reply = ok(bob, "{'type':'resources','room':'care'}");
        assertThat(reply.path("cards")).extracting(c -> c.path("id").asText()).contains("us-988", "int-iasp");
        JsonNode first = reply.path("cards").get(0);
        assertThat(first.path("verifiedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(first.path("source").asText()).startsWith("https://");
        assertThat(first.path("channels").get(0).path("type").asText()).isEqualTo("call");
    }

    @Test
    void heldRoom_showsAMethodMessageToFacilitatorsOnly_andTellsTheAuthor() {
        for (TestClient client : List.of(fac, alice, bob)) {
            ok(client, "{'type':'join','room':'held'}");
        }
        settle(fac, alice, bob);
        JsonNode reply = alice.request("{\"type\":\"send\",\"room\":\"held\",\"text\":\"I'm going to hang myself\"}");
        assertThat(reply.path("held").asBoolean()).isTrue();
        assertThat(reply.has("seq")).isFalse();
        assertThat(fac.await(f -> f.path("type").asText().equals("held_message")).path("from").path("id").asText())
                .isEqualTo("m-alice");
        assertThat(alice.await(f -> f.path("type").asText().equals("held_message")).path("text").asText())
                .isEqualTo("I'm going to hang myself");
        assertThat(support(alice).path("text").asText()).contains("shared with the facilitators for now");
        assertThat(settle(bob)).noneMatch(f -> f.path("type").asText().equals("message")
                || f.path("type").asText().equals("held_message"));
    }

    private String alertIdOf(JsonNode sendReply) {
        assertThat(sendReply.path("type").asText()).isEqualTo("ok");
        return support(alice).path("alertId").asText();
    }
}
