package dev.haven.server.it;

import static dev.haven.server.testing.Requests.ok;
import static dev.haven.server.testing.Requests.q;
import static dev.haven.server.testing.Requests.settle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Check-ins end to end over real WebSocket connections, on a server whose rooms run on a manual
 * clock. Sam and Gil facilitate the evening group; Robin is a member there with two tabs open,
 * Ada another member; Sue is a supervisor who joined no room. "Ada heard nothing" is checked
 * after a ping round trip on her connection, by which time the room has queued everything the
 * request caused.
 */
class CheckinFlowTest {
    private static final String ROOM = "evening";
    private static final String YOUTH = "youth";
    private static final String CRISIS = "I cannot do this anymore. I am going to kill myself tonight";
    private static final String PRIVATE = "I have not told anyone else this 4c2d";

    private final List<TestClient> clients = new ArrayList<>();
    private TestServer server;
    private TestClient sam;
    private TestClient gil;
    private TestClient robin;
    private TestClient robinsOtherTab;
    private TestClient ada;

    @BeforeEach
    void start() {
        server = TestServer.startWithManualTime(TestServer.config(200).withRooms(List.of(
                new RoomSettings(ROOM, "Evening Group", RoomCategory.CONDITION, "t", List.of(), 30, null, false, "US",
                        null, null),
                new RoomSettings(YOUTH, "Youth Group", RoomCategory.DEMOGRAPHIC, "t", List.of(), 30, null, false,
                        "US", null, null).withCheckinWitness(true))));
        sam = person("fac-sam", "Sam", Role.FACILITATOR);
        gil = person("fac-gil", "Gil", Role.FACILITATOR);
        robin = person("mem-robin", "Robin", Role.MEMBER);
        robinsOtherTab = person("mem-robin", "Robin", Role.MEMBER);
        ada = person("mem-ada", "Ada", Role.MEMBER);
        for (TestClient client : List.of(sam, gil, robin, robinsOtherTab, ada)) {
            ok(client, "{'type':'join','room':'" + ROOM + "'}");
        }
        settle(sam, gil, robin, robinsOtherTab, ada);
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        server.close();
    }

    private TestClient person(String id, String name, Role role) {
        TestClient client = TestClient.withToken(server.port(), server.token(id, name, role));
        clients.add(client);
        return client;
    }

    private static JsonNode error(TestClient client, String json, String code) {
        JsonNode reply = client.request(q(json));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("error");
        assertThat(reply.path("code").asText()).as("code of %s", json).isEqualTo(code);
        return reply;
    }

    private static JsonNode open(TestClient by, String room, String user, String alertId) {
        return ok(by, "{'type':'checkin_open','room':'" + room + "','user':'" + user + "'"
                + (alertId == null ? "" : ",'alertId':'" + alertId + "'") + "}").path("checkin");
    }

    private static long say(TestClient by, String checkin, String text) {
        return ok(by, "{'type':'checkin_send','checkin':'" + checkin + "','text':'" + text + "'}").path("seq").asLong();
    }

    private static JsonNode checkinEvent(TestClient client) {
        return client.awaitType("checkin").path("checkin");
    }

    private static JsonNode checkinMessage(TestClient client) {
        return client.awaitType("checkin_message");
    }

    private static JsonNode alert(TestClient client, String kind) {
        return client.await(f -> f.path("type").asText().equals("alert") && f.path("kind").asText().equals(kind));
    }

    /** Whether a frame would tell its reader anything about a check-in. */
    private static boolean aboutCheckins(JsonNode frame) {
        String type = frame.path("type").asText();
        return type.startsWith("checkin") || frame.path("kind").asText().equals("reaching_out")
                || frame.toString().contains("ck:");
    }

    /** Ada, a bystander, received nothing at all: no check-in, no presence change, no count. */
    private void adaHeardNothing() {
        assertThat(settle(ada)).as("Ada's frames").isEmpty();
    }

    private String crisisAlertAbout(TestClient member) {
        ok(member, "{'type':'send','room':'" + ROOM + "','text':'" + CRISIS + "'}");
        return alert(sam, "crisis").path("alertId").asText();
    }

    // ------------------------------------------------------------------ the conversation

    @Test
    void samOpensACheckinFromRobinsAlert_theAlertIsAcknowledged_andRobinIsToldOnEveryTab() {
        String alertId = crisisAlertAbout(robin);
        settle(sam, gil, robin, robinsOtherTab, ada);

        JsonNode checkin = open(sam, ROOM, "mem-robin", alertId);

        assertThat(checkin.path("id").asText()).startsWith("ck:" + ROOM + ":");
        assertThat(checkin.path("member").path("id").asText()).isEqualTo("mem-robin");
        assertThat(checkin.path("openedBy").path("name").asText()).isEqualTo("Sam");
        assertThat(checkin.path("state").asText()).isEqualTo("open");
        assertThat(checkin.path("alertId").asText()).isEqualTo(alertId);
        for (TestClient staff : List.of(sam, gil)) {
            JsonNode update = alert(staff, "crisis_update");
            assertThat(update.path("alertId").asText()).isEqualTo(alertId);
            assertThat(update.path("action").asText()).isEqualTo("reaching_out");
            assertThat(update.path("by").asText()).isEqualTo("fac-sam");
        }
        for (TestClient tab : List.of(robin, robinsOtherTab)) {
            JsonNode notice = tab.await(f -> f.path("kind").asText().equals("reaching_out"));
            assertThat(notice.path("type").asText()).isEqualTo("notice");
            assertThat(notice.path("by").path("name").asText()).isEqualTo("Sam");
            assertThat(notice.path("text").asText()).startsWith("Sam from the group would like to check in with you");
            assertThat(checkinEvent(tab).path("id").asText()).isEqualTo(checkin.path("id").asText());
        }
        for (TestClient staff : List.of(sam, gil)) {
            assertThat(checkinEvent(staff).path("id").asText()).isEqualTo(checkin.path("id").asText());
        }
        assertThat(settle(robin)).noneMatch(f -> f.path("type").asText().equals("alert"));
        adaHeardNothing();
    }

    @Test
    void samAndRobinWriteBothWays_everyoneInItSeesOneGaplessOrder_andAdaNothing() {
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        settle(sam, gil, robin, robinsOtherTab);

        assertThat(say(sam, id, "Hi Robin, how are you doing tonight?")).isEqualTo(1);
        assertThat(say(robinsOtherTab, id, PRIVATE)).isEqualTo(2);
        assertThat(say(gil, id, "Thank you for telling us.")).isEqualTo(3);

        for (TestClient inIt : List.of(sam, gil, robin, robinsOtherTab)) {
            for (long seq = 1; seq <= 3; seq++) {
                JsonNode message = checkinMessage(inIt);
                assertThat(message.path("seq").asLong()).isEqualTo(seq);
                assertThat(message.path("checkin").asText()).isEqualTo(id);
                assertThat(message.path("room").asText()).isEqualTo(ROOM);
            }
        }
        JsonNode history = ok(robin, "{'type':'checkin_history','checkin':'" + id + "'}");
        assertThat(history.path("messages")).extracting(m -> m.path("from").path("name").asText())
                .containsExactly("Sam", "Robin", "Gil");
        assertThat(history.path("messages").get(1).path("text").asText()).isEqualTo(PRIVATE);
        assertThat(history.path("gap").asBoolean()).isFalse();
        adaHeardNothing();
        error(ada, "{'type':'checkin_history','checkin':'" + id + "'}", "not_found");
        error(ada, "{'type':'checkin_send','checkin':'" + id + "','text':'hi'}", "not_found");
        assertThat(ok(ada, "{'type':'checkins'}").path("checkins")).isEmpty();
        assertThat(ok(ada, "{'type':'rooms'}").toString()).doesNotContain("ck:");
    }

    @Test
    void robinRetriesAMessageWithTheSameClientId_itIsNotDeliveredTwice() {
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        String send = "{'type':'checkin_send','checkin':'" + id + "','text':'are you there?','clientId':'c-7'}";

        JsonNode first = ok(robin, send);
        JsonNode retry = ok(robin, send);

        assertThat(first.path("seq").asLong()).isEqualTo(1);
        assertThat(first.has("duplicate")).isFalse();
        assertThat(retry.path("seq").asLong()).isEqualTo(1);
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(settle(sam)).filteredOn(f -> f.path("type").asText().equals("checkin_message")).hasSize(1);
    }

    @Test
    void sueJoinsFromTheEscalation_andHearsTheCheckinFromThen() {
        TestClient sue = person("sup-sue", "Sue", Role.SUPERVISOR);
        String alertId = crisisAlertAbout(robin);
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        error(sue, "{'type':'checkin_open','room':'" + ROOM + "','user':'mem-robin','alertId':'" + alertId + "'}",
                "forbidden");
        server.advance(Duration.ofSeconds(61));
        server.advance(Duration.ofSeconds(61));
        assertThat(alert(sue, "crisis").path("escalated").asBoolean()).isTrue();
        settle(sam, gil, robin, robinsOtherTab, ada, sue);

        JsonNode joined = open(sue, ROOM, "mem-robin", alertId);

        assertThat(joined.path("id").asText()).as("the same check-in").isEqualTo(id);
        assertThat(joined.path("staff")).extracting(s -> s.path("id").asText())
                .containsExactly("fac-sam", "sup-sue", "fac-gil");
        for (TestClient inIt : List.of(sam, gil, robin, robinsOtherTab, sue)) {
            assertThat(checkinEvent(inIt).path("staff").toString()).contains("sup-sue");
        }
        assertThat(robin.await(f -> f.path("kind").asText().equals("reaching_out")).path("by").path("name").asText())
                .isEqualTo("Sue");
        say(robin, id, "thank you");
        assertThat(checkinMessage(sue).path("text").asText()).isEqualTo("thank you");
        adaHeardNothing();
    }

    @Test
    void robinReconnects_findsTheCheckinAndWhatHeMissed_andHearsTheNextMessage() {
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        say(sam, id, "first");
        say(robin, id, "second");
        robin.abort();
        robinsOtherTab.abort();
        say(sam, id, "while you were away");

        TestClient back = person("mem-robin", "Robin", Role.MEMBER);
        JsonNode listed = ok(back, "{'type':'checkins'}").path("checkins");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).path("seq").asLong()).isEqualTo(3);
        JsonNode missed = ok(back, "{'type':'checkin_history','checkin':'" + id + "','since':2}");
        assertThat(missed.path("messages")).extracting(m -> m.path("text").asText())
                .containsExactly("while you were away");

        say(sam, id, "welcome back");
        assertThat(checkinMessage(back).path("seq").asLong()).isEqualTo(4);
        ok(back, "{'type':'join','room':'" + ROOM + "'}");
        say(sam, id, "and again");
        assertThat(checkinMessage(back).path("seq").asLong()).isEqualTo(5);
        assertThat(settle(back)).as("each message once").noneMatch(f -> f.path("type").asText().equals("checkin_message"));
    }

    @Test
    void samClosesTheCheckinWithAnOutcome_everyoneInItIsTold_andNothingReadsBack() {
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        say(robin, id, PRIVATE);
        error(robin, "{'type':'checkin_close','checkin':'" + id + "','outcome':'resolved'}", "forbidden");
        settle(sam, gil, robin, robinsOtherTab);

        ok(sam, "{'type':'checkin_close','checkin':'" + id + "','outcome':'referred'}");

        for (TestClient inIt : List.of(sam, gil, robin, robinsOtherTab)) {
            JsonNode closed = checkinEvent(inIt);
            assertThat(closed.path("state").asText()).isEqualTo("closed");
            assertThat(closed.path("closedBy").path("id").asText()).isEqualTo("fac-sam");
        }
        error(robin, "{'type':'checkin_history','checkin':'" + id + "'}", "not_found");
        error(sam, "{'type':'checkin_send','checkin':'" + id + "','text':'one more'}", "not_found");
        assertThat(ok(robin, "{'type':'checkins'}").path("checkins")).isEmpty();
        JsonNode entry = ok(sam, "{'type':'audit','room':'" + ROOM + "','limit':1}").path("entries").get(0);
        assertThat(entry.path("action").asText()).isEqualTo("checkin_close");
        assertThat(entry.path("reason").asText()).isEqualTo("referred");
        assertThat(entry.path("actorName").asText()).isEqualTo("Sam");
        assertThat(entry.path("targetName").asText()).isEqualTo("Robin");
        assertThat(ok(sam, "{'type':'audit','room':'" + ROOM + "'}").toString()).doesNotContain(PRIVATE);
        adaHeardNothing();
    }

    @Test
    void theSessionCloses_andTakesTheCheckinWithIt() {
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        say(robin, id, PRIVATE);
        settle(robin);
        ok(sam, "{'type':'close_session','room':'" + ROOM + "','graceSeconds':1}");
        server.advance(Duration.ofSeconds(2));

        JsonNode closed = checkinEvent(robin);
        assertThat(closed.path("state").asText()).isEqualTo("closed");
        assertThat(closed.has("closedBy")).isFalse();
        robin.await(f -> f.path("kind").asText().equals("session_closed"));
        error(robin, "{'type':'checkin_history','checkin':'" + id + "'}", "not_found");
        assertThat(settle(ada)).noneMatch(CheckinFlowTest::aboutCheckins);
    }

    @Test
    void aCheckinLeftIdle_closesAfterItsLifetime() {
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        say(robin, id, PRIVATE);
        settle(sam, robin);

        server.advance(Duration.ofSeconds(7199));
        assertThat(settle(robin)).noneMatch(CheckinFlowTest::aboutCheckins);
        server.advance(Duration.ofSeconds(1));

        assertThat(checkinEvent(robin).path("state").asText()).isEqualTo("closed");
        error(robin, "{'type':'checkin_history','checkin':'" + id + "'}", "not_found");
    }

    @Test
    void inTheYouthGroup_noMessageFlowsUntilASecondStaffMemberIsIn() {
        for (TestClient client : List.of(sam, robin)) {
            ok(client, "{'type':'join','room':'" + YOUTH + "'}");
        }
        JsonNode checkin = open(sam, YOUTH, "mem-robin", null);
        String id = checkin.path("id").asText();
        assertThat(checkin.path("checkinWitness").asBoolean()).isTrue();
        assertThat(checkin.path("awaitingWitness").asBoolean()).isTrue();

        error(sam, "{'type':'checkin_send','checkin':'" + id + "','text':'Hi Robin'}", "witness_required");
        error(robin, "{'type':'checkin_send','checkin':'" + id + "','text':'hi'}", "witness_required");
        settle(sam, robin);

        ok(gil, "{'type':'join','room':'" + YOUTH + "'}");

        JsonNode witnessed = checkinEvent(robin);
        assertThat(witnessed.has("awaitingWitness")).isFalse();
        assertThat(witnessed.path("staff")).extracting(s -> s.path("name").asText()).containsExactly("Sam", "Gil");
        assertThat(say(sam, id, "Hi Robin, Gil and I are both here.")).isEqualTo(1);
        assertThat(checkinMessage(gil).path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void checkinMessages_countAgainstTheSendRate_andWhatIsAcceptedStaysGapless() {
        String id = open(sam, ROOM, "mem-robin", null).path("id").asText();
        settle(robin);
        int sent = 40;
        for (int i = 0; i < sent; i++) {
            robin.sendRaw(q("{'type':'checkin_send','id':'f" + i + "','checkin':'" + id + "','text':'line " + i + "'}"));
        }
        List<JsonNode> replies = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            replies.add(robin.awaitReply("f" + i));
        }

        List<JsonNode> refused = replies.stream().filter(r -> r.path("code").asText().equals("rate_limited")).toList();
        List<Long> accepted = replies.stream().filter(r -> r.path("type").asText().equals("ok"))
                .map(r -> r.path("seq").asLong()).toList();
        assertThat(refused).as("past the send burst").isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("retryAfterMs").asLong()).isPositive());
        assertThat(accepted).hasSize(sent - refused.size());
        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.get(i)).isEqualTo(i + 1);
        }
        assertThat(settle(sam)).filteredOn(f -> f.path("type").asText().equals("checkin_message"))
                .hasSize(accepted.size());
    }

    // ------------------------------------------------------------------ own messages, names, reports

    @Test
    void robinDeletesHisOwnMessage_butNotAdas_andItLeavesTheHistory() {
        long mine = ok(robin, "{'type':'send','room':'" + ROOM + "','text':'I said too much'}").path("seq").asLong();
        long hers = ok(ada, "{'type':'send','room':'" + ROOM + "','text':'hello all'}").path("seq").asLong();

        error(robin, "{'type':'delete','room':'" + ROOM + "','seq':" + hers + "}", "forbidden");
        ok(robin, "{'type':'delete','room':'" + ROOM + "','seq':" + mine + "}");

        for (TestClient everyone : List.of(sam, robinsOtherTab, ada)) {
            JsonNode deleted = everyone.awaitType("message_deleted");
            assertThat(deleted.path("seq").asLong()).isEqualTo(mine);
        }
        TestClient late = person("mem-lee", "Lee", Role.MEMBER);
        JsonNode history = ok(late, "{'type':'join','room':'" + ROOM + "'}").path("history");
        assertThat(history).extracting(m -> m.path("seq").asLong()).containsExactly(hers);
    }

    @Test
    void theAuditLogKeepsNamesAfterTheMemberHasLeft() {
        ok(sam, "{'type':'mute','room':'" + ROOM + "','user':'mem-ada','seconds':60}");
        ok(ada, "{'type':'leave','room':'" + ROOM + "'}");
        ok(sam, "{'type':'unmute','room':'" + ROOM + "','user':'mem-ada'}");

        JsonNode entries = ok(sam, "{'type':'audit','room':'" + ROOM + "'}").path("entries");

        assertThat(entries).extracting(e -> e.path("action").asText()).containsExactly("unmute", "mute");
        assertThat(entries).extracting(e -> e.path("targetName").asText()).containsOnly("Ada");
        assertThat(entries).extracting(e -> e.path("actorName").asText()).containsOnly("Sam");
    }

    @Test
    void aReportAboutSamsMessage_reachesGilAndTheSupervisors_neverSam() {
        TestClient sue = person("sup-sue", "Sue", Role.SUPERVISOR);
        long seq = ok(sam, "{'type':'send','room':'" + ROOM + "','text':'that was a silly thing to say'}")
                .path("seq").asLong();
        settle(sam, gil, sue);

        ok(ada, "{'type':'report','room':'" + ROOM + "','seq':" + seq + ",'reason':'dismissive'}");

        for (TestClient told : List.of(gil, sue)) {
            JsonNode report = alert(told, "report");
            assertThat(report.path("seq").asLong()).isEqualTo(seq);
            assertThat(report.path("member").asText()).isEqualTo("fac-sam");
        }
        assertThat(settle(sam)).noneMatch(f -> f.path("type").asText().equals("alert"));
    }
}
