package dev.haven.server.it;

import static dev.haven.server.it.SessionClients.LOUNGE;
import static dev.haven.server.it.SessionClients.awaitNotice;
import static dev.haven.server.it.SessionClients.awaitRound;
import static dev.haven.server.it.SessionClients.error;
import static dev.haven.server.it.SessionClients.fieldNames;
import static dev.haven.server.it.SessionClients.join;
import static dev.haven.server.it.SessionClients.ok;
import static dev.haven.server.it.SessionClients.settle;
import static dev.haven.server.it.SessionClients.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rounds over real connections, on the server's manual clock, in a room that needs no facilitator to open. */
class RoundFlowTest {
    private final SessionClients people = new SessionClients();
    private final TestClient fran = people.person("fac-1", "Fran", Role.FACILITATOR);
    private final TestClient alice = people.person("m-alice", "Alice", Role.MEMBER);
    private final TestClient bob = people.person("m-bob", "Bob", Role.MEMBER);
    private final TestClient carol = people.person("m-carol", "Carol", Role.MEMBER);

    @BeforeEach
    void everyoneIn() {
        for (TestClient client : List.of(fran, alice, bob, carol)) {
            join(client, LOUNGE);
        }
        settle(fran, alice, bob, carol);
    }

    @AfterEach
    void stop() {
        people.close();
    }

    private String start(String fields) {
        return ok(fran, "{'type':'round_start','room':'lounge','kind':'check_in','prompt':'One word for today'"
                + fields + "}").path("roundId").asText();
    }

    @Test
    void round_goesInJoinOrder_andATurnThatRunsOutGivesTheNextMemberTheTurn() {
        String roundId = start(",'turnSeconds':30");
        assertThat(roundId).startsWith("round-");

        for (TestClient client : List.of(fran, alice, bob, carol)) {
            JsonNode round = awaitRound(client, "running", "m-alice");
            assertThat(round.path("roundId").asText()).isEqualTo(roundId);
            assertThat(round.path("kind").asText()).isEqualTo("check_in");
            assertThat(round.path("prompt").asText()).isEqualTo("One word for today");
            assertThat(texts(round.path("queue"))).as("facilitators are not in the queue").containsExactly("m-bob", "m-carol");
            assertThat(round.path("turnEndsAt").asLong()).isEqualTo(people.server.now() + 30_000);
        }

        people.server.advance(Duration.ofMillis(22_499));
        assertThat(settle(alice)).isEmpty();
        people.server.advance(Duration.ofMillis(1));
        JsonNode warning = awaitNotice(alice, "turn_warning");
        assertThat(warning.path("until").asLong()).isEqualTo(people.server.now() + 7_500);
        assertThat(settle(bob)).as("only the speaker is warned").isEmpty();

        people.server.advance(Duration.ofMillis(7_500));
        JsonNode next = awaitRound(bob, "running", "m-bob");
        assertThat(texts(next.path("queue"))).containsExactly("m-carol");
        people.server.advance(Duration.ofSeconds(30));
        awaitRound(carol, "running", "m-carol");
        people.server.advance(Duration.ofSeconds(30));
        JsonNode ended = awaitRound(fran, "ended", null);
        assertThat(ended.path("queue")).isEmpty();
        assertThat(ended.path("turnEndsAt").isNull()).isTrue();
    }

    @Test
    void pass_movesOn_andNobodyElseCanTellItFromTurnDone() {
        start("");
        awaitRound(bob, "running", "m-alice");
        ok(alice, "{'type':'turn_done','room':'lounge'}");
        JsonNode afterDone = awaitRound(bob, "running", "m-bob");
        settle(fran, alice, carol);

        ok(bob, "{'type':'pass','room':'lounge'}");
        for (TestClient other : List.of(fran, alice, carol)) {
            JsonNode afterPass = awaitRound(other, "running", "m-carol");
            assertThat(fieldNames(afterPass)).isEqualTo(fieldNames(afterDone));
            assertThat(afterPass.toString()).doesNotContain("\"pass\"", "passed", "skipped");
            assertThat(settle(other)).as("no other frame tells of the pass").isEmpty();
        }
    }

    @Test
    void turnDoneOrPass_fromAnyoneButTheSpeaker_isNotYourTurn() {
        start("");
        error(bob, "{'type':'turn_done','room':'lounge'}", "not_your_turn");
        error(carol, "{'type':'pass','room':'lounge'}", "not_your_turn");
        error(fran, "{'type':'turn_done','room':'lounge'}", "not_your_turn");
        assertThat(settle(alice)).extracting(f -> f.path("speaker").asText()).containsOnly("m-alice");
    }

    @Test
    void pass_inARoundThatAsksEveryoneToSpeak_isRefused() {
        start(",'allowPass':false");
        error(alice, "{'type':'pass','room':'lounge'}", "forbidden");
        ok(alice, "{'type':'turn_done','room':'lounge'}");
    }

    @Test
    void talkingStick_letsOnlyTheSpeakerAndFacilitatorsWrite() {
        start(",'talkingStick':true");
        error(bob, "{'type':'send','room':'lounge','text':'me too'}", "not_your_turn");
        ok(alice, "{'type':'send','room':'lounge','text':'Tired but here.'}");
        ok(fran, "{'type':'send','room':'lounge','text':'Thank you, Alice.'}");
        ok(alice, "{'type':'turn_done','room':'lounge'}");
        ok(bob, "{'type':'send','room':'lounge','text':'Hopeful.'}");
        error(alice, "{'type':'send','room':'lounge','text':'one more thing'}", "not_your_turn");
        ok(fran, "{'type':'round_end','room':'lounge'}");
        ok(alice, "{'type':'send','room':'lounge','text':'one more thing'}");
    }

    @Test
    void speakerOfARound_mayWriteInAModeratedRoom() {
        ok(fran, "{'type':'set_room','room':'lounge','moderated':true}");
        start("");
        ok(alice, "{'type':'send','room':'lounge','text':'my turn'}");
        error(bob, "{'type':'send','room':'lounge','text':'not mine'}", "no_voice");
    }

    @Test
    void joinerIsAddedToTheQueue_andALeaverIsSkipped() {
        start("");
        TestClient dave = people.person("m-dave", "Dave", Role.MEMBER);
        JsonNode joined = join(dave, LOUNGE);
        assertThat(texts(joined.path("round").path("queue"))).containsExactly("m-bob", "m-carol", "m-dave");
        assertThat(texts(alice.await(f -> f.path("type").asText().equals("round")
                && f.path("queue").size() == 3).path("queue"))).containsExactly("m-bob", "m-carol", "m-dave");
        settle(alice);

        ok(carol, "{'type':'leave','room':'lounge'}");
        assertThat(texts(alice.await(f -> f.path("type").asText().equals("round")
                && f.path("queue").size() == 2).path("queue"))).containsExactly("m-bob", "m-dave");
        alice.close();
        awaitRound(bob, "running", "m-bob");
    }

    @Test
    void turnExtend_givesTheSpeakerMoreTime_andOnlyAFacilitatorMay() {
        start(",'turnSeconds':60");
        long endsAt = awaitRound(bob, "running", "m-alice").path("turnEndsAt").asLong();
        error(alice, "{'type':'turn_extend','room':'lounge','seconds':30}", "forbidden");
        ok(fran, "{'type':'turn_extend','room':'lounge','seconds':30}");
        assertThat(bob.await(f -> f.path("type").asText().equals("round") && f.path("turnEndsAt").asLong() != endsAt)
                .path("turnEndsAt").asLong()).isEqualTo(endsAt + 30_000);

        people.server.advance(Duration.ofSeconds(89));
        assertThat(settle(bob)).extracting(f -> f.path("type").asText()).doesNotContain("round");
        people.server.advance(Duration.ofSeconds(1));
        awaitRound(bob, "running", "m-bob");
    }

    @Test
    void roundEnd_endsItForEveryone_andOnlyAFacilitatorMay() {
        start("");
        error(alice, "{'type':'round_end','room':'lounge'}", "forbidden");
        error(alice, "{'type':'round_start','room':'lounge','kind':'go_round','prompt':'x'}", "forbidden");
        ok(fran, "{'type':'round_end','room':'lounge'}");
        awaitRound(carol, "ended", null);
        error(fran, "{'type':'round_end','room':'lounge'}", "not_found");
        error(alice, "{'type':'turn_done','room':'lounge'}", "not_your_turn");
    }

    @Test
    void randomOrder_givesEveryMemberOneTurn() {
        start(",'order':'random'");
        JsonNode round = fran.awaitType("round");
        List<String> order = new ArrayList<>();
        order.add(round.path("speaker").asText());
        order.addAll(texts(round.path("queue")));
        assertThat(order).containsExactlyInAnyOrder("m-alice", "m-bob", "m-carol");
        assertThat(round.path("order").asText()).isEqualTo("random");
    }
}
