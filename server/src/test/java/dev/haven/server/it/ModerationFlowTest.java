package dev.haven.server.it;

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
 * Every facilitator command end to end over real WebSocket connections: a facilitator (token)
 * and two members in the lounge. "Nobody else saw it" is checked after the facilitator's ok,
 * by which time the room has queued every event of the command: a ping round trip on the other
 * connection then proves nothing was queued for it.
 */
class ModerationFlowTest {
    private TestServer server;
    private final List<TestClient> clients = new ArrayList<>();
    private TestClient fac;
    private TestClient alice;
    private TestClient bob;

    @BeforeEach
    void start() {
        server = TestServer.start();
        fac = member("fac-1", "Fran", Role.FACILITATOR);
        alice = member("m-alice", "Alice", Role.MEMBER);
        bob = member("m-bob", "Bob", Role.MEMBER);
        for (TestClient client : List.of(fac, alice, bob)) {
            ok(client, "{'type':'join','room':'lounge'}");
        }
        settle(fac, alice, bob);
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        server.close();
    }

    // ------------------------------------------------------------------ helpers

    private TestClient member(String id, String name, Role role) {
        TestClient client = TestClient.withToken(server.port(), server.token(id, name, role));
        clients.add(client);
        return client;
    }

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    private static JsonNode ok(TestClient client, String json) {
        JsonNode reply = client.request(q(json));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("ok");
        return reply;
    }

    private static String error(TestClient client, String json) {
        JsonNode reply = client.request(q(json));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("error");
        return reply.path("code").asText();
    }

    /** Everything queued for the client so far, after a round trip. */
    private static List<JsonNode> settle(TestClient client) {
        client.request("{\"type\":\"ping\"}");
        return client.drainReceived();
    }

    private static void settle(TestClient... several) {
        for (TestClient client : several) {
            settle(client);
        }
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(f -> f.path("type").asText()).toList();
    }

    private static JsonNode awaitNotice(TestClient client, String kind) {
        return client.await(f -> f.path("type").asText().equals("notice") && f.path("kind").asText().equals(kind));
    }

    private static JsonNode awaitAlert(TestClient client, String kind) {
        return client.await(f -> f.path("type").asText().equals("alert") && f.path("kind").asText().equals(kind));
    }

    private static JsonNode awaitPresence(TestClient client, String event, String userId) {
        return client.await(f -> f.path("type").asText().equals("presence") && f.path("event").asText().equals(event)
                && f.path("member").path("id").asText().equals(userId));
    }

    private static JsonNode listed(JsonNode joinReply, String userId) {
        for (JsonNode member : joinReply.path("members")) {
            if (member.path("id").asText().equals(userId)) {
                return member;
            }
        }
        throw new AssertionError(userId + " not listed in " + joinReply);
    }

    // ------------------------------------------------------------------ refused

    @Test
    void facilitatorCommands_byMember_areForbiddenAndChangeNothing() {
        long seq = ok(bob, "{'type':'send','room':'lounge','text':'hello'}").path("seq").asLong();
        settle(fac, alice, bob);
        List<String> commands = List.of(
                "{'type':'mute','room':'lounge','user':'m-bob'}",
                "{'type':'unmute','room':'lounge','user':'m-bob'}",
                "{'type':'remove','room':'lounge','user':'m-bob'}",
                "{'type':'ban','room':'lounge','user':'m-bob','seconds':60}",
                "{'type':'unban','room':'lounge','user':'m-bob'}",
                "{'type':'delete','room':'lounge','seq':" + seq + "}",
                "{'type':'set_room','room':'lounge','locked':true}",
                "{'type':'set_room','room':'lounge','slowModeSeconds':30,'moderated':true,'admission':'approval'}",
                "{'type':'voice','room':'lounge','user':'m-bob','granted':true}",
                "{'type':'admit','room':'lounge','user':'m-bob'}",
                "{'type':'deny','room':'lounge','user':'m-bob'}",
                "{'type':'warn','room':'lounge','user':'m-bob','text':'hey'}",
                "{'type':'lower_hand','room':'lounge','user':'m-bob'}",
                "{'type':'stats','room':'lounge'}",
                "{'type':'audit','room':'lounge'}");

        for (String command : commands) {
            assertThat(error(alice, command)).as(command).isEqualTo("forbidden");
        }

        for (TestClient client : List.of(fac, alice, bob)) {
            assertThat(settle(client)).as("events after refused commands").isEmpty();
        }
        ok(bob, "{'type':'send','room':'lounge','text':'still here'}");
        JsonNode seen = ok(member("m-carol", "Carol", Role.MEMBER), "{'type':'join','room':'lounge'}");
        assertThat(seen.path("history").findValuesAsText("text")).containsExactly("hello", "still here");
        assertThat(seen.path("room").path("locked").asBoolean()).isFalse();
        assertThat(seen.path("room").path("slowModeSeconds").asInt()).isZero();
        assertThat(ok(fac, "{'type':'audit','room':'lounge'}").path("entries")).isEmpty();
    }

    @Test
    void mute_facilitatorByFacilitator_isForbidden() {
        TestClient fac2 = member("fac-2", "Fay", Role.FACILITATOR);
        ok(fac2, "{'type':'join','room':'lounge'}");

        assertThat(error(fac, "{'type':'mute','room':'lounge','user':'fac-2'}")).isEqualTo("forbidden");
        assertThat(error(fac, "{'type':'remove','room':'lounge','user':'fac-2'}")).isEqualTo("forbidden");
        assertThat(error(fac, "{'type':'ban','room':'lounge','user':'fac-2'}")).isEqualTo("forbidden");

        ok(fac2, "{'type':'send','room':'lounge','text':'still here'}");
        assertThat(types(settle(fac2))).doesNotContain("notice");
    }

    // ------------------------------------------------------------------ mute

    @Test
    void mute_endToEnd_privateNoticeAndMuteStateOnlyForTargetAndFacilitators() {
        long before = System.currentTimeMillis();
        ok(fac, "{'type':'mute','room':'lounge','user':'m-bob','seconds':600,'reason':'take a breath'}");
        long after = System.currentTimeMillis();

        JsonNode notice = awaitNotice(bob, "muted");
        assertThat(notice.path("room").asText()).isEqualTo("lounge");
        assertThat(notice.path("reason").asText()).isEqualTo("take a breath");
        assertThat(notice.path("until").asLong()).isBetween(before + 600_000, after + 600_000);
        assertThat(awaitPresence(bob, "update", "m-bob").path("member").path("muted").asBoolean()).isTrue();
        assertThat(awaitPresence(fac, "update", "m-bob").path("member").path("muted").asBoolean()).isTrue();
        assertThat(settle(alice)).as("alice sees nothing of bob's mute").isEmpty();

        assertThat(error(bob, "{'type':'send','room':'lounge','text':'hello?'}")).isEqualTo("muted");
        JsonNode asMember = ok(member("m-carol", "Carol", Role.MEMBER), "{'type':'join','room':'lounge'}");
        assertThat(listed(asMember, "m-bob").has("muted")).isFalse();
        JsonNode asFacilitator = ok(member("fac-2", "Fay", Role.FACILITATOR), "{'type':'join','room':'lounge'}");
        assertThat(listed(asFacilitator, "m-bob").path("muted").asBoolean()).isTrue();
        settle(fac, alice, bob);

        ok(fac, "{'type':'unmute','room':'lounge','user':'m-bob'}");
        awaitNotice(bob, "unmuted");
        assertThat(awaitPresence(fac, "update", "m-bob").path("member").path("muted").asBoolean()).isFalse();
        assertThat(settle(alice)).isEmpty();
        ok(bob, "{'type':'send','room':'lounge','text':'thanks'}");
    }

    @Test
    void mute_timed_endsByItselfWithUnmutedNotice() {
        ok(fac, "{'type':'mute','room':'lounge','user':'m-bob','seconds':1}");
        awaitNotice(bob, "muted");

        awaitNotice(bob, "unmuted");

        ok(bob, "{'type':'send','room':'lounge','text':'back'}");
        assertThat(types(settle(alice))).containsExactly("message");
    }

    // ------------------------------------------------------------------ remove and ban

    @Test
    void remove_endToEnd_memberLeavesAtOnceOthersSeeANeutralLeave() {
        ok(fac, "{'type':'remove','room':'lounge','user':'m-bob','reason':'a break'}");

        assertThat(awaitNotice(bob, "removed").path("reason").asText()).isEqualTo("a break");
        JsonNode leave = awaitPresence(alice, "leave", "m-bob");
        assertThat(leave.path("member").has("muted")).isFalse();
        assertThat(types(settle(alice))).doesNotContain("notice");

        ok(alice, "{'type':'send','room':'lounge','text':'after'}");
        ok(fac, "{'type':'ping'}");
        assertThat(settle(bob)).isEmpty();
        assertThat(error(bob, "{'type':'send','room':'lounge','text':'wait'}")).isEqualTo("not_in_room");

        JsonNode back = ok(bob, "{'type':'join','room':'lounge'}");
        assertThat(back.path("members").findValuesAsText("id")).contains("m-bob");
    }

    @Test
    void ban_endToEnd_refusesRejoiningUntilUnbanned() {
        ok(fac, "{'type':'ban','room':'lounge','user':'m-bob','reason':'harm'}");

        JsonNode notice = awaitNotice(bob, "banned");
        assertThat(notice.path("reason").asText()).isEqualTo("harm");
        assertThat(notice.has("until")).isFalse();
        awaitPresence(alice, "leave", "m-bob");
        assertThat(error(bob, "{'type':'join','room':'lounge'}")).isEqualTo("banned");
        assertThat(error(member("m-bob", "Bob", Role.MEMBER), "{'type':'join','room':'lounge'}")).isEqualTo("banned");

        ok(fac, "{'type':'unban','room':'lounge','user':'m-bob'}");
        ok(bob, "{'type':'join','room':'lounge'}");
    }

    @Test
    void ban_guest_refusesANewGuestSessionFromTheSameAddress() {
        TestClient gus = TestClient.connect(server.port());
        clients.add(gus);
        String gusId = gus.request(q("{'type':'hello','name':'Gus'}")).path("user").path("id").asText();
        ok(gus, "{'type':'join','room':'small'}");
        ok(fac, "{'type':'join','room':'small'}");

        ok(fac, "{'type':'ban','room':'small','user':'" + gusId + "','seconds':600}");

        awaitNotice(gus, "banned");
        TestClient gusAgain = TestClient.guest(server.port(), "Gustav");
        clients.add(gusAgain);
        assertThat(error(gusAgain, "{'type':'join','room':'small'}")).isEqualTo("banned");
        assertThat(error(gus, "{'type':'join','room':'small'}")).isEqualTo("banned");
        ok(alice, "{'type':'join','room':'small'}");
    }

    // ------------------------------------------------------------------ delete

    @Test
    void delete_endToEnd_everyoneIsToldAndTheHistoryForgetsIt() {
        long first = ok(alice, "{'type':'send','room':'lounge','text':'one'}").path("seq").asLong();
        long hurtful = ok(bob, "{'type':'send','room':'lounge','text':'hurtful'}").path("seq").asLong();
        ok(alice, "{'type':'send','room':'lounge','text':'three'}");

        ok(fac, "{'type':'delete','room':'lounge','seq':" + hurtful + "}");

        for (TestClient client : List.of(fac, alice, bob)) {
            JsonNode deleted = client.awaitType("message_deleted");
            assertThat(deleted.path("room").asText()).isEqualTo("lounge");
            assertThat(deleted.path("seq").asLong()).isEqualTo(hurtful);
        }
        JsonNode later = ok(member("m-carol", "Carol", Role.MEMBER), "{'type':'join','room':'lounge'}");
        assertThat(later.path("history").findValuesAsText("text")).containsExactly("one", "three");
        JsonNode caughtUp = ok(member("m-dave", "Dave", Role.MEMBER),
                "{'type':'join','room':'lounge','since':" + first + "}");
        assertThat(caughtUp.path("history").findValuesAsText("text")).containsExactly("three");
        assertThat(caughtUp.path("gap").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ set_room and voice

    @Test
    void setRoom_endToEnd_lockSlowModeAndModeratedReachTheRoom() {
        ok(fac, "{'type':'set_room','room':'lounge','locked':true}");
        assertThat(alice.awaitType("room_updated").path("room").path("locked").asBoolean()).isTrue();
        assertThat(error(member("m-carol", "Carol", Role.MEMBER), "{'type':'join','room':'lounge'}"))
                .isEqualTo("room_locked");
        ok(alice, "{'type':'send','room':'lounge','text':'still in'}");

        ok(fac, "{'type':'set_room','room':'lounge','locked':false,'slowModeSeconds':30}");
        JsonNode updated = bob.await(f -> f.path("type").asText().equals("room_updated")
                && f.path("room").path("slowModeSeconds").asInt() == 30);
        assertThat(updated.path("room").path("locked").asBoolean()).isFalse();
        JsonNode slow = alice.request(q("{'type':'send','room':'lounge','text':'again'}"));
        assertThat(slow.path("code").asText()).isEqualTo("slow_mode");
        assertThat(slow.path("retryAfterMs").asLong()).isBetween(1L, 30_000L);
        ok(fac, "{'type':'send','room':'lounge','text':'one'}");
        ok(fac, "{'type':'send','room':'lounge','text':'two'}");

        ok(fac, "{'type':'set_room','room':'lounge','slowModeSeconds':0,'moderated':true}");
        bob.await(f -> f.path("type").asText().equals("room_updated") && f.path("room").path("moderated").asBoolean());
        assertThat(error(alice, "{'type':'send','room':'lounge','text':'may I?'}")).isEqualTo("no_voice");
        ok(fac, "{'type':'voice','room':'lounge','user':'m-alice','granted':true}");
        JsonNode voice = awaitNotice(alice, "voice");
        assertThat(voice.path("granted").asBoolean()).isTrue();
        ok(alice, "{'type':'send','room':'lounge','text':'thank you'}");
        assertThat(error(bob, "{'type':'send','room':'lounge','text':'me too'}")).isEqualTo("no_voice");
        assertThat(types(settle(bob))).doesNotContain("notice");
    }

    @Test
    void hands_endToEnd_facilitatorIsAlertedAndVoiceLowersTheHand() {
        ok(alice, "{'type':'raise_hand','room':'lounge'}");

        JsonNode alert = awaitAlert(fac, "hand_raised");
        assertThat(alert.path("member").asText()).isEqualTo("m-alice");
        assertThat(alert.path("name").asText()).isEqualTo("Alice");
        assertThat(awaitPresence(bob, "update", "m-alice").path("member").path("handRaised").asLong()).isPositive();
        assertThat(types(settle(bob))).doesNotContain("alert");

        ok(fac, "{'type':'voice','room':'lounge','user':'m-alice','granted':true}");
        JsonNode lowered = awaitPresence(bob, "update", "m-alice");
        assertThat(lowered.path("member").path("handRaised").isNull()).isTrue();
        assertThat(lowered.path("member").path("voice").asBoolean()).isTrue();

        ok(bob, "{'type':'raise_hand','room':'lounge'}");
        awaitPresence(alice, "update", "m-bob");
        ok(fac, "{'type':'lower_hand','room':'lounge','user':'m-bob'}");
        assertThat(awaitPresence(alice, "update", "m-bob").path("member").path("handRaised").isNull()).isTrue();
        ok(bob, "{'type':'raise_hand','room':'lounge'}");
        ok(bob, "{'type':'lower_hand','room':'lounge'}");
        assertThat(settle(fac).stream().filter(f -> f.path("type").asText().equals("presence"))
                .map(f -> f.path("member").path("handRaised").isNull()).toList())
                .endsWith(false, true);
    }

    // ------------------------------------------------------------------ admission

    @Test
    void admission_endToEnd_waitingAdmittedAndDenied() {
        ok(fac, "{'type':'set_room','room':'lounge','admission':'approval'}");
        TestClient carol = member("m-carol", "Carol", Role.MEMBER);

        JsonNode waiting = ok(carol, "{'type':'join','room':'lounge'}");
        assertThat(waiting.path("waiting").asBoolean()).isTrue();
        assertThat(waiting.has("members")).isFalse();
        JsonNode alert = awaitAlert(fac, "waiting");
        assertThat(alert.path("member").asText()).isEqualTo("m-carol");
        assertThat(alert.path("name").asText()).isEqualTo("Carol");
        assertThat(types(settle(alice))).doesNotContain("alert");

        ok(fac, "{'type':'admit','room':'lounge','user':'m-carol'}");
        awaitNotice(carol, "admitted");
        JsonNode in = ok(carol, "{'type':'join','room':'lounge'}");
        assertThat(in.path("members").findValuesAsText("id")).contains("m-carol");
        awaitPresence(alice, "join", "m-carol");

        TestClient dave = member("m-dave", "Dave", Role.MEMBER);
        assertThat(ok(dave, "{'type':'join','room':'lounge'}").path("waiting").asBoolean()).isTrue();
        ok(fac, "{'type':'deny','room':'lounge','user':'m-dave'}");
        awaitNotice(dave, "denied");
        assertThat(types(settle(alice))).doesNotContain("notice", "alert");
    }

    // ------------------------------------------------------------------ report, warn

    @Test
    void report_endToEnd_onlyFacilitatorsGetTheAlert() {
        long seq = ok(bob, "{'type':'send','room':'lounge','text':'something unkind'}").path("seq").asLong();

        ok(alice, "{'type':'report','room':'lounge','seq':" + seq + ",'reason':'hurtful'}");

        JsonNode alert = awaitAlert(fac, "report");
        assertThat(alert.path("seq").asLong()).isEqualTo(seq);
        assertThat(alert.path("by").asText()).isEqualTo("m-alice");
        assertThat(alert.path("reason").asText()).isEqualTo("hurtful");
        assertThat(alert.path("member").asText()).isEqualTo("m-bob");
        assertThat(types(settle(alice))).containsOnly("message");
        assertThat(types(settle(bob))).containsOnly("message");
    }

    @Test
    void warn_endToEnd_privateNoticeWithTheText() {
        ok(fac, "{'type':'warn','room':'lounge','user':'m-bob','text':'please be gentle'}");

        JsonNode notice = awaitNotice(bob, "warning");
        assertThat(notice.path("reason").asText()).isEqualTo("please be gentle");
        assertThat(settle(alice)).isEmpty();
    }

    // ------------------------------------------------------------------ stats, audit

    @Test
    void stats_endToEnd_flagsTheDominantTalkerNotTheQuietMember() {
        ok(member("m-carol", "Carol", Role.MEMBER), "{'type':'join','room':'lounge'}");
        for (int i = 0; i < 6; i++) {
            ok(alice, "{'type':'send','room':'lounge','text':'" + "x".repeat(50) + "'}");
        }
        ok(bob, "{'type':'send','room':'lounge','text':'hi'}");

        JsonNode stats = ok(fac, "{'type':'stats','room':'lounge'}");

        assertThat(stats.path("windowSeconds").asLong()).isEqualTo(900);
        List<String> dominant = new ArrayList<>();
        stats.path("dominant").forEach(id -> dominant.add(id.asText()));
        assertThat(dominant).containsExactly("m-alice");
        JsonNode quiet = null;
        for (JsonNode member : stats.path("members")) {
            if (member.path("id").asText().equals("m-carol")) {
                quiet = member;
            }
        }
        assertThat(quiet).as("the quiet member is listed").isNotNull();
        assertThat(quiet.path("messages").asInt()).isZero();
        assertThat(quiet.path("share").asDouble()).isZero();
    }

    @Test
    void audit_endToEnd_newestFirstWithActionNamesAndNoMessageText() {
        long seq = ok(bob, "{'type':'send','room':'lounge','text':'secret words 4411'}").path("seq").asLong();
        ok(fac, "{'type':'mute','room':'lounge','user':'m-bob','reason':'calm'}");
        ok(fac, "{'type':'unmute','room':'lounge','user':'m-bob'}");
        ok(fac, "{'type':'warn','room':'lounge','user':'m-bob','text':'private words 9911'}");
        ok(fac, "{'type':'delete','room':'lounge','seq':" + seq + "}");

        JsonNode audit = ok(fac, "{'type':'audit','room':'lounge'}");

        assertThat(audit.path("entries").findValuesAsText("action")).containsExactly("delete", "warn", "unmute",
                "mute");
        assertThat(audit.path("entries").findValuesAsText("actor")).containsOnly("fac-1");
        assertThat(audit.path("entries").get(3).path("target").asText()).isEqualTo("m-bob");
        assertThat(audit.path("entries").get(3).path("reason").asText()).isEqualTo("calm");
        assertThat(audit.path("entries").get(0).path("ts").asLong()).isPositive();
        assertThat(audit.toString()).doesNotContain("secret words 4411").doesNotContain("private words 9911");
        assertThat(ok(fac, "{'type':'audit','room':'lounge','limit':1}").path("entries").findValuesAsText("action"))
                .containsExactly("delete");
    }
}
