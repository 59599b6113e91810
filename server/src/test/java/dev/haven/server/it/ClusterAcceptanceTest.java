package dev.haven.server.it;

import static dev.haven.server.testing.ClusterNodes.awaitType;
import static dev.haven.server.testing.Requests.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.ClusterNodes;
import dev.haven.server.testing.Http;
import dev.haven.server.testing.RedisServerExtension;
import dev.haven.server.testing.Requests;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole flow of a group across three Haven nodes sharing one Redis: Fran, the facilitator,
 * is connected to the first node, Alice and Bob to the second, Kim to the third, and every
 * command acts at once wherever its target is connected. "Nothing more reached Bob" is checked
 * after a later event of the room reached someone on Bob's node and Bob rejoined: a room's
 * events reach a node in order, so anything meant for Bob would have come before his join reply.
 */
class ClusterAcceptanceTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final String CRISIS = "I can't do this anymore. I'm going to kill myself tonight";
    private ClusterNodes cluster;
    private TestClient fran;
    private TestClient alice;
    private TestClient bob;
    private TestClient kim;

    @BeforeEach
    void threeNodes() throws Exception {
        redis.start();
        HavenConfig config = TestServer.config(200)
                .withResources(new ConfigLoader().load(null, Map.of()).resources())
                .withRooms(List.of(
                        new RoomSettings("lounge", "Lounge", RoomCategory.GENERAL, "Drop in", List.of(), 100, null,
                                false, "US", null, null),
                        new RoomSettings("group", "Evening Group", RoomCategory.CONDITION, "Thursdays", List.of(), 10,
                                null, false, "US", null, null).withRequireFacilitator(true)));
        cluster = new ClusterNodes(redis, config);
        List<TestServer> nodes = cluster.start(3);
        fran = cluster.person(nodes.get(0), "fac-fran", "Fran", Role.FACILITATOR);
        alice = cluster.person(nodes.get(1), "m-alice", "Alice", Role.MEMBER);
        bob = cluster.person(nodes.get(1), "m-bob", "Bob", Role.MEMBER);
        kim = cluster.person(nodes.get(2), "m-kim", "Kim", Role.MEMBER);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void everyoneJoins(String room) {
        for (TestClient client : List.of(fran, alice, bob, kim)) {
            ok(client, "{'type':'join','room':'" + room + "'}");
        }
    }

    private static String error(TestClient client, String json) {
        return Requests.error(client, json).path("code").asText();
    }

    private static JsonNode message(TestClient client, String text) {
        return awaitType(client, "message", "text", text);
    }

    @Test
    void franOnOneNode_mutesRemovesAndBans_membersOnAnother_atOnce() {
        everyoneJoins("lounge");
        long before = ok(kim, "{'type':'send','room':'lounge','text':'hello all'}").path("seq").asLong();
        message(bob, "hello all");

        ok(fran, "{'type':'mute','room':'lounge','user':'m-alice','seconds':600}");
        assertThat(awaitType(alice, "notice", "kind", "muted").path("room").asText()).isEqualTo("lounge");
        assertThat(error(alice, "{'type':'send','room':'lounge','text':'am I heard?'}")).isEqualTo("muted");
        assertThat(error(cluster.keep(TestClient.withToken(cluster.node(2).port(),
                cluster.node(2).token("m-alice", "Alice", Role.MEMBER))), "{'type':'send','room':'lounge','text':'x'}"))
                .as("Alice's other connection, on another node, is not in the room").isEqualTo("not_in_room");

        ok(fran, "{'type':'remove','room':'lounge','user':'m-bob'}");
        awaitType(bob, "notice", "kind", "removed");
        ok(fran, "{'type':'send','room':'lounge','text':'after Bob left'}");
        message(alice, "after Bob left");
        message(kim, "after Bob left");
        JsonNode rejoined = ok(bob, "{'type':'join','room':'lounge','since':" + before + "}");
        assertThat(bob.drainReceived()).as("nothing of the room reached Bob after his removal")
                .noneMatch(f -> f.path("text").asText().equals("after Bob left"));
        assertThat(rejoined.path("history").findValuesAsText("text")).contains("after Bob left");

        ok(fran, "{'type':'ban','room':'lounge','user':'m-bob'}");
        awaitType(bob, "notice", "kind", "banned");
        assertThat(error(bob, "{'type':'join','room':'lounge'}")).isEqualTo("banned");
        TestClient bobElsewhere = cluster.person(cluster.node(2), "m-bob", "Bob", Role.MEMBER);
        assertThat(error(bobElsewhere, "{'type':'join','room':'lounge'}")).as("the ban holds on every node")
                .isEqualTo("banned");
    }

    @Test
    void waitingRoom_roundAndMoodCheckIn_workAcrossNodes() {
        ok(fran, "{'type':'join','room':'lounge'}");
        ok(kim, "{'type':'join','room':'lounge'}");
        ok(fran, "{'type':'set_room','room':'lounge','admission':'approval'}");
        assertThat(ok(alice, "{'type':'join','room':'lounge'}").path("waiting").asBoolean()).isTrue();
        assertThat(awaitType(fran, "alert", "kind", "waiting").path("member").asText()).isEqualTo("m-alice");
        ok(fran, "{'type':'admit','room':'lounge','user':'m-alice'}");
        awaitType(alice, "notice", "kind", "admitted");
        ok(alice, "{'type':'join','room':'lounge'}");

        ok(fran, "{'type':'round_start','room':'lounge','kind':'go_round','prompt':'One word for today',"
                + "'talkingStick':true}");
        for (TestClient client : List.of(fran, alice, kim)) {
            assertThat(awaitType(client, "round", "state", "running").path("speaker").asText()).isEqualTo("m-kim");
        }
        assertThat(error(alice, "{'type':'send','room':'lounge','text':'me first'}")).isEqualTo("not_your_turn");
        ok(kim, "{'type':'send','room':'lounge','text':'tired'}");
        ok(kim, "{'type':'turn_done','room':'lounge'}");
        assertThat(fran.await(f -> f.path("type").asText().equals("round")
                && f.path("speaker").asText().equals("m-alice")).path("state").asText()).isEqualTo("running");
        ok(fran, "{'type':'round_end','room':'lounge'}");

        ok(fran, "{'type':'mood_poll','room':'lounge','phase':'check_in','closesInSeconds':60}");
        String pollId = alice.awaitType("mood_poll").path("pollId").asText();
        assertThat(kim.awaitType("mood_poll").path("pollId").asText()).isEqualTo(pollId);
        ok(alice, "{'type':'mood','room':'lounge','pollId':'" + pollId + "','value':4}");
        ok(kim, "{'type':'mood','room':'lounge','pollId':'" + pollId + "','value':2,'shareWithFacilitator':true}");
        assertThat(awaitType(fran, "alert", "kind", "mood_shared").path("member").asText()).isEqualTo("m-kim");
    }

    @Test
    void closingTheSession_purgesWhatItHeld_fromEveryNodeAndFromRedis() {
        everyoneJoins("group");
        ok(fran, "{'type':'open_session','room':'group'}");
        kim.await(f -> f.path("type").asText().equals("room_updated")
                && f.path("room").path("state").asText().equals("open"));
        ok(alice, "{'type':'send','room':'group','text':'my private story 7f3a'}");
        message(kim, "my private story 7f3a");
        assertThat(cluster.redis().exists("haven:{group}:log")).as("held in Redis while the session runs").isOne();
        long ttl = cluster.redis().pttl("haven:{group}:log");
        assertThat(ttl).as("history keys expire with history.maxAgeSeconds").isPositive()
                .isLessThanOrEqualTo(86_400_000L);

        ok(fran, "{'type':'close_session','room':'group','graceSeconds':1}");
        for (TestClient client : List.of(alice, bob, kim)) {
            awaitType(client, "notice", "kind", "session_closed");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.redis().exists("haven:{group}:log") == 0);
        JsonNode back = ok(kim, "{'type':'join','room':'group','since':0}");
        assertThat(back.path("history")).as("the purge is not a gap, and holds nothing").isEmpty();
        assertThat(back.path("gap").asBoolean()).isFalse();
    }

    @Test
    void aCrisisWithNoFacilitatorThere_reachesTheSupervisorsOfEveryNode_whoAcknowledgeFromTheirs() {
        TestClient ada = cluster.person(cluster.node(2), "sup-ada", "Ada", Role.SUPERVISOR);
        ok(ada, "{'type':'duty','onDuty':true}");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            // The nodes learn who is on duty elsewhere at their heartbeats.
            TestClient probe = cluster.person(cluster.node(1), "fac-probe", "Pat", Role.FACILITATOR);
            return ok(probe, "{'type':'duty_roster'}").path("onDuty").findValuesAsText("id").contains("sup-ada");
        });
        ok(alice, "{'type':'join','room':'lounge'}");
        ok(kim, "{'type':'join','room':'lounge'}");

        JsonNode sent = alice.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CRISIS + "\"}");
        assertThat(sent.path("type").asText()).isEqualTo("ok");

        JsonNode escalated = awaitType(ada, "alert", "kind", "crisis");
        assertThat(escalated.path("escalated").asBoolean()).isTrue();
        String alertId = escalated.path("alertId").asText();
        JsonNode support = awaitType(alice, "notice", "kind", "support");
        assertThat(support.path("text").asText()).as("Alice hears a supervisor was reached").contains("support team has been told");
        TestClient bea = cluster.person(cluster.node(0), "sup-bea", "Bea", Role.SUPERVISOR);
        assertThat(awaitType(bea, "alert", "alertId", alertId).path("escalated").asBoolean())
                .as("a supervisor who connects later, to another node, receives the open escalation").isTrue();

        ok(ada, "{'type':'ack_alert','room':'lounge','alertId':'" + alertId + "','action':'reaching_out'}");
        awaitType(alice, "notice", "kind", "reaching_out");
        assertThat(bea.await(f -> f.path("alertId").asText().equals(alertId) && f.path("action").asText()
                .equals("reaching_out")).path("by").asText()).isEqualTo("sup-ada");
        assertThat(kim.drainReceived()).as("Kim sees the message and nothing of the care around it")
                .noneMatch(f -> f.path("type").asText().equals("alert") || f.path("type").asText().equals("notice"));
    }

    @Test
    void aCheckInBetweenNodes_andCheckinsFromAnyNode() {
        ok(fran, "{'type':'join','room':'lounge'}");
        ok(alice, "{'type':'join','room':'lounge'}");
        String checkin = ok(fran, "{'type':'checkin_open','room':'lounge','user':'m-alice'}").path("checkin")
                .path("id").asText();
        assertThat(awaitType(alice, "checkin", "type", "checkin").path("checkin").path("id").asText()).isEqualTo(checkin);
        ok(alice, "{'type':'checkin_send','checkin':'" + checkin + "','text':'thank you for asking'}");
        assertThat(awaitType(fran, "checkin_message", "checkin", checkin).path("text").asText())
                .isEqualTo("thank you for asking");

        TestClient alicesOtherTab = cluster.person(cluster.node(2), "m-alice", "Alice", Role.MEMBER);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                ok(alicesOtherTab, "{'type':'checkins'}").path("checkins").findValuesAsText("id").contains(checkin));
        ok(fran, "{'type':'checkin_send','checkin':'" + checkin + "','text':'I am here'}");
        awaitType(alicesOtherTab, "checkin_message", "text", "I am here");
        assertThat(bob.drainReceived()).as("nobody else learns it exists").isEmpty();
    }

    @Test
    void theDirectoryAndTheAdminApi_ofAnyNode_seeAndReachEveryRoom() {
        ok(alice, "{'type':'join','room':'lounge'}");
        ok(kim, "{'type':'join','room':'lounge'}");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ok(fran, "{'type':'rooms'}").path("rooms")).filteredOn(r -> r.path("id").asText()
                        .equals("lounge")).extracting(r -> r.path("members").asInt())
                        .as("live counts, from the node of neither member").containsExactly(2));

        String admin = cluster.node(0).token("olu", "Olu", Role.ADMIN);
        Http.Answer posted = Http.call(cluster.node(0).port(), "POST", "/api/v1/rooms/lounge/announcements", admin,
                Requests.q("{'text':'Tonight the group ends at 20:30.'}"));
        assertThat(posted.status()).isEqualTo(201);
        for (TestClient member : List.of(alice, kim)) {
            assertThat(member.awaitType("announcement").path("text").asText())
                    .isEqualTo("Tonight the group ends at 20:30.");
        }

        TestClient alicesPhone = cluster.person(cluster.node(2), "m-alice", "Alice", Role.MEMBER);
        Http.Answer ended = Http.call(cluster.node(0).port(), "DELETE", "/api/v1/users/m-alice/sessions", admin, null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("closed").asInt()).as("every connection of hers, on every node: %s", ended.body()).isEqualTo(2);
        assertThat(alice.awaitClose()).isEqualTo(4001);
        assertThat(alicesPhone.awaitClose()).isEqualTo(4001);
        assertThat(ok(kim, "{'type':'send','room':'lounge','text':'still here'}").path("seq").asLong()).isPositive();
    }

    @Test
    void theOwnerStops_itsMembersElsewhereRejoinWithSince_andARetriedSendIsADuplicate() {
        everyoneJoins("lounge");
        TestServer owner = cluster.ownerOf("lounge");
        TestServer survivor = cluster.nodes().stream().filter(n -> n != owner).findFirst().orElseThrow();
        JsonNode first = ok(kim, "{'type':'send','room':'lounge','text':'one','clientId':'k-1'}");
        JsonNode second = ok(alice, "{'type':'send','room':'lounge','text':'two','clientId':'a-2'}");
        message(fran, "two");

        cluster.stop(owner);
        for (TestClient client : List.of(fran, alice, bob, kim)) {
            assertThat(client.awaitClose()).as("every member is sent to rejoin: 1012").isEqualTo(1012);
        }

        TestClient aliceBack = cluster.person(survivor, "m-alice", "Alice", Role.MEMBER);
        long since = first.path("seq").asLong() - 1;
        JsonNode rejoined = await().atMost(ClusterNodes.TAKEOVER).pollInterval(Duration.ofMillis(500)).until(
                () -> aliceBack.request(Requests.q("{'type':'join','room':'lounge','since':" + since + "}")),
                reply -> reply.path("type").asText().equals("ok"));
        assertThat(rejoined.path("history").findValuesAsText("text")).as("exact catch-up on another node")
                .containsExactly("one", "two");
        assertThat(rejoined.path("gap").asBoolean()).isFalse();
        assertThat(cluster.ownerOf("lounge")).isNotSameAs(owner);

        JsonNode retried = sendAsAClientWould(aliceBack, "{'type':'send','room':'lounge','text':'two','clientId':'a-2'}");
        assertThat(retried.path("duplicate").asBoolean()).as("accepted before the handover: not twice").isTrue();
        assertThat(retried.path("seq").asLong()).isEqualTo(second.path("seq").asLong());
        assertThat(sendAsAClientWould(aliceBack, "{'type':'send','room':'lounge','text':'three','clientId':'a-3'}")
                .path("seq").asLong()).isEqualTo(second.path("seq").asLong() + 1);
    }

    /**
     * Sends and, while the answer is {@code unavailable} (a new owner's journal slow to answer on
     * a loaded machine), sends again with the same clientId after retryAfterMs, as the contract
     * asks of clients; any other answer ends the wait, and it must be {@code ok}.
     */
    private static JsonNode sendAsAClientWould(TestClient client, String json) {
        JsonNode reply = await().atMost(ClusterNodes.TAKEOVER).pollInterval(Duration.ofMillis(1000)).until(
                () -> client.request(Requests.q(json)),
                answer -> !"unavailable".equals(answer.path("code").asText()));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("ok");
        return reply;
    }
}
