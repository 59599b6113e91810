package dev.haven.server.cluster;

import static dev.haven.server.cluster.StoreContract.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.Alert;
import dev.haven.server.care.SupervisorDesk;
import dev.haven.server.cluster.InMemoryNodes.Member;
import dev.haven.server.cluster.InMemoryNodes.Node;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes in one process, sharing an in-memory store and a clock the test moves: members on
 * different nodes share rooms; when a room's owner dies or its lease lapses, the room is taken
 * over from the store with every message it accepted; rooms nobody owns are placed by
 * rendezvous hashing; a node that leaves hands its rooms over at once.
 */
class InMemoryClusterFlowTest {
    private final InMemoryNodes nodes = new InMemoryNodes();

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    private static JsonNode joined(Node node, Member member, String requestId, Long since) {
        node.room("lounge").join(member, new Join(requestId, "lounge", since, null), member.replies());
        return member.await("ok", "/id", requestId);
    }

    private static JsonNode sent(Node node, Member member, String requestId, String text, String clientId) {
        node.room("lounge").send(member, new Send(requestId, "lounge", text, clientId, null), member.replies());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> member.replyTo(requestId) != null);
        return member.replyTo(requestId);
    }

    @Test
    void robinOnTheOtherNode_talksWithSam_andLeavesWhenHisNodeDies() {
        Node first = nodes.start("node-a");
        Member sam = new Member("guest-sam", "Sam");
        joined(first, sam, "j1", null);
        Node second = nodes.start("node-b");
        Member robin = new Member("guest-robin", "Robin");
        JsonNode robinJoined = joined(second, robin, "j2", null);
        assertThat(robinJoined.path("members").findValuesAsText("name")).containsExactly("Sam", "Robin");
        sam.await("presence", "/member/name", "Robin");
        assertThat(first.serves("lounge")).as("the first node that needed the room claimed it").isTrue();

        assertThat(sent(second, robin, "s1", "hello Sam", "c-1").path("seq").asLong()).isEqualTo(1);
        assertThat(sam.await("message", "/text", "hello Sam").path("seq").asLong()).isEqualTo(1);
        assertThat(robin.await("message", "/text", "hello Sam").path("from").path("name").asText()).isEqualTo("Robin");

        second.cluster().close();
        nodes.clock.advance(Duration.ofSeconds(6));
        get(first.cluster().renewNow());
        nodes.clock.advance(Duration.ofSeconds(5));
        get(first.cluster().beatNow());
        JsonNode left = sam.await("presence", "/event", "leave");
        assertThat(left.path("member").path("name").asText()).isEqualTo("Robin");
    }

    @Test
    void theOwnerDies_anotherNodeTakesTheRoomOver_withEveryAcceptedMessage_andARetryIsADuplicate() {
        Node owner = nodes.start("node-a");
        Member sam = new Member("guest-sam", "Sam");
        joined(owner, sam, "j1", null);
        Node other = nodes.start("node-b");
        Member robin = new Member("guest-robin", "Robin");
        joined(other, robin, "j2", null);
        for (int i = 1; i <= 3; i++) {
            assertThat(sent(other, robin, "s" + i, "message " + i, "c" + i).path("seq").asLong()).isEqualTo(i);
        }

        owner.cluster().close();
        nodes.clock.advance(Duration.ofSeconds(11));
        get(other.cluster().beatNow());

        JsonNode rejoined = joined(other, robin, "j3", 0L);
        assertThat(rejoined.path("history").findValuesAsText("text"))
                .containsExactly("message 1", "message 2", "message 3");
        assertThat(rejoined.path("seq").asLong()).isEqualTo(3);
        assertThat(other.serves("lounge")).isTrue();
        JsonNode retried = sent(other, robin, "s3-again", "message 3", "c3");
        assertThat(retried.path("seq").asLong()).isEqualTo(3);
        assertThat(retried.path("duplicate").asBoolean()).as("the first attempt was accepted before the owner died")
                .isTrue();
        assertThat(sent(other, robin, "s4", "message 4", "c4").path("seq").asLong()).isEqualTo(4);
    }

    @Test
    void aRoomWhoseLeaseLapses_stepsDown_andItsNextTenureIsBuiltFromTheStore() {
        Node node = nodes.start("node-a");
        Member sam = new Member("guest-sam", "Sam");
        joined(node, sam, "j1", null);
        sent(node, sam, "s1", "before", "c1");
        RoomTenure first = node.cluster().room("lounge").tenure();

        nodes.clock.advance(Duration.ofSeconds(11));
        JsonNode refused = sent(node, sam, "s2", "after", "c2");

        assertThat(refused.path("code").asText()).as("the room Sam was in ended with its tenure").isEqualTo("not_in_room");
        RoomTenure next = node.cluster().room("lounge").tenure();
        assertThat(next.epoch()).isGreaterThan(first.epoch());
        assertThat(first.room()).isNotSameAs(next.room());
        JsonNode rejoined = joined(node, sam, "j2", 0L);
        assertThat(rejoined.path("history").findValuesAsText("text")).containsExactly("before");
    }

    @Test
    void aRequestTheRoomHadNotAnsweredWhenItsLeaseLapsed_isAnsweredUnavailable_andItsRetryServed() throws Exception {
        Node node = nodes.start("node-a");
        Member sam = new Member("guest-sam", "Sam");
        joined(node, sam, "j1", null);
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        node.thread().execute(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        node.room("lounge").send(sam, new Send("s1", "lounge", "while the room is busy", "c1", null), sam.replies());
        nodes.clock.advance(Duration.ofSeconds(11));
        busy.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> sam.replyTo("s1") != null);
        JsonNode refused = sam.replyTo("s1");
        assertThat(refused.path("code").asText()).as("the tenure ended before its room ran the send")
                .isEqualTo("unavailable");
        assertThat(refused.path("retryAfterMs").asLong()).isPositive();
        joined(node, sam, "j2", 0L);
        assertThat(sent(node, sam, "s2", "while the room is busy", "c1").path("seq").asLong())
                .as("the retry is accepted once, by the next tenure").isEqualTo(1);
    }

    @Test
    void aRoomNobodyOwns_isClaimedByTheFirstLiveNodeInRendezvousOrder_withoutARequest() {
        Node a = nodes.start("node-a");
        Node b = nodes.start("node-b");
        Node c = nodes.start("node-c");
        get(a.cluster().heartbeatNow());
        // Placement claims the room at once; loading it runs on the room's thread a moment later.
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of(a, b, c).stream().anyMatch(n -> n.serves("lounge")));
        Node owner = List.of(a, b, c).stream().filter(n -> n.serves("lounge")).findFirst().orElseThrow();
        List<Node> survivors = List.of(a, b, c).stream().filter(n -> n != owner).toList();

        owner.cluster().close();
        for (int beat = 0; beat < 2; beat++) {
            // The survivors beat meanwhile, as they do every few seconds: only the dead owner lapses.
            nodes.clock.advance(Duration.ofMillis(5500));
            survivors.forEach(n -> get(n.cluster().renewNow()));
            survivors.forEach(n -> get(n.cluster().heartbeatNow()));
        }

        NodeId preferred = Rendezvous.first("lounge", Set.of(survivors.get(0).cluster().self(),
                survivors.get(1).cluster().self()));
        Node expected = survivors.stream().filter(n -> n.cluster().self().equals(preferred)).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> expected.serves("lounge"));
        assertThat(survivors.stream().filter(n -> n.serves("lounge"))).containsExactly(expected);
    }

    @Test
    void aNodeThatLeaves_handsItsRoomsOver_atOnce() {
        Node first = nodes.start("node-a");
        Member sam = new Member("guest-sam", "Sam");
        joined(first, sam, "j1", null);
        sent(first, sam, "s1", "kept", "c1");
        Node second = nodes.start("node-b");
        get(second.cluster().beatNow());
        get(first.cluster().beatNow());

        get(first.cluster().leave());

        await().atMost(Duration.ofSeconds(10)).until(() -> second.serves("lounge"));
        Member robin = new Member("guest-robin", "Robin");
        assertThat(joined(second, robin, "j2", 0L).path("history").findValuesAsText("text")).containsExactly("kept");
    }

    @Test
    void eventsOfAnOlderTenure_areDropped_andANewerTenureIsLearned() {
        Node node = nodes.start("node-a");
        ClusteredRoom lounge = node.cluster().room("circle");
        // Epochs far above any this node's own placement may claim meanwhile (they start at the clock's millis).
        long epoch = 5_000_000_000_000_000L;
        lounge.learn(new Lease("circle", new NodeId("node-x"), epoch));

        assertThat(lounge.current(new NodeId("node-y"), epoch - 1)).isFalse();
        assertThat(lounge.current(new NodeId("node-x"), epoch)).isTrue();
        assertThat(lounge.current(new NodeId("node-z"), epoch + 1)).isTrue();
        assertThat(lounge.current(new NodeId("node-x"), epoch)).as("node-z's tenure is newer now").isFalse();
    }

    @Test
    void theDirectory_showsAnotherNodesRoom_withItsLiveMembers() {
        Node first = nodes.start("node-a");
        Member sam = new Member("guest-sam", "Sam");
        joined(first, sam, "j1", null);
        Node second = nodes.start("node-b");
        assertThat(second.room("lounge").info().members()).as("nothing listed yet").isZero();

        get(first.cluster().directoryRound());
        get(second.cluster().directoryRound());

        assertThat(second.room("lounge").info().members()).isEqualTo(1);
        assertThat(second.registry().list(null, null, null)).filteredOn(info -> info.id().equals("lounge"))
                .extracting(info -> info.members()).containsExactly(1);
    }

    @Test
    void anEscalationOnOneNode_reachesTheSupervisorsOfEveryNode_andOneWhoConnectsLater() {
        Node first = nodes.start("node-a");
        Node second = nodes.start("node-b");
        get(first.cluster().beatNow());
        get(second.cluster().beatNow());
        Member ada = new Member("sup-ada", "Ada", Role.SUPERVISOR);
        SupervisorDesk desk = second.registry().care().supervisors();
        desk.register(ada);
        desk.onDuty().set(ada, true);
        get(second.cluster().heartbeatNow());
        get(first.cluster().heartbeatNow());
        // The heartbeat's news reaches the other node's roster through its bus, a moment later.
        await().atMost(Duration.ofSeconds(10)).until(() -> first.registry().care().supervisors().onDutyEverywhere().size() == 1);

        Alert alert = new Alert("lounge", AlertKind.CRISIS, "guest-sam", "Sam", 4L, null, null, nodes.clock.millis(),
                "a-1", null, null, true, null, null, null, null, null);
        int onDuty = first.registry().care().supervisors().escalate(alert);

        assertThat(onDuty).as("Ada is on duty on the other node").isEqualTo(1);
        ada.await("alert", "/alertId", "a-1");
        Member bea = new Member("sup-bea", "Bea", Role.SUPERVISOR);
        nodes.start("node-c").registry().care().supervisors().register(bea);
        bea.await("alert", "/alertId", "a-1");
    }
}
