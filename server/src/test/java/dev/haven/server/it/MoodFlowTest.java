package dev.haven.server.it;

import static dev.haven.server.it.SessionClients.LOUNGE;
import static dev.haven.server.it.SessionClients.error;
import static dev.haven.server.it.SessionClients.join;
import static dev.haven.server.it.SessionClients.ok;
import static dev.haven.server.it.SessionClients.settle;
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

/** Mood check-ins over real connections: no live counts, small counts suppressed, sharing by choice only. */
class MoodFlowTest {
    private final SessionClients people = new SessionClients();
    private final TestClient fran = people.person("fac-1", "Fran", Role.FACILITATOR);
    private final List<TestClient> members = new ArrayList<>();

    @BeforeEach
    void everyoneIn() {
        join(fran, LOUNGE);
        for (String name : List.of("Ann", "Ben", "Cat", "Dan", "Eve", "Fay")) {
            TestClient member = people.person("m-" + name.toLowerCase(), name, Role.MEMBER);
            join(member, LOUNGE);
            members.add(member);
        }
        settle(fran);
        members.forEach(SessionClients::settle);
    }

    @AfterEach
    void stop() {
        people.close();
    }

    private String poll(int seconds) {
        ok(fran, "{'type':'mood_poll','room':'lounge','phase':'check_in','closesInSeconds':" + seconds + "}");
        JsonNode event = members.get(0).awaitType("mood_poll");
        assertThat(event.path("phase").asText()).isEqualTo("check_in");
        assertThat(event.path("closesAt").asLong()).isEqualTo(people.server.now() + seconds * 1000L);
        assertThat(fran.awaitType("mood_poll")).isEqualTo(event);
        members.subList(1, members.size()).forEach(m -> assertThat(m.awaitType("mood_poll")).isEqualTo(event));
        return event.path("pollId").asText();
    }

    private void answer(TestClient member, String pollId, String value, boolean share) {
        ok(member, "{'type':'mood','room':'lounge','pollId':'" + pollId + "','value':" + value
                + (share ? ",'shareWithFacilitator':true" : "") + "}");
    }

    private static JsonNode summary(TestClient client) {
        return client.awaitType("mood_summary");
    }

    @Test
    void fewerThanFiveScores_giveNoDistribution_andNobodySeesACountMeanwhile() {
        String pollId = poll(60);
        answer(members.get(0), pollId, "1", false);
        answer(members.get(1), pollId, "4", false);
        answer(members.get(2), pollId, "5", false);
        answer(members.get(3), pollId, "null", false);
        assertThat(settle(fran)).as("no live counts, no alert").isEmpty();
        for (TestClient member : members) {
            assertThat(settle(member)).isEmpty();
        }

        people.server.advance(Duration.ofSeconds(60));
        for (TestClient client : List.of(fran, members.get(0), members.get(5))) {
            JsonNode summary = summary(client);
            assertThat(summary.path("pollId").asText()).isEqualTo(pollId);
            assertThat(summary.path("n").asInt()).isEqualTo(4);
            assertThat(summary.path("suppressed").asBoolean()).isTrue();
            assertThat(summary.has("distribution")).isFalse();
        }
        error(members.get(4), "{'type':'mood','room':'lounge','pollId':'" + pollId + "','value':3}", "not_found");
    }

    @Test
    void fiveScores_giveTheDistribution_andANullCountsTowardNOnly() {
        String pollId = poll(30);
        String[] values = {"2", "3", "3", "4", "5", "null"};
        for (int i = 0; i < members.size(); i++) {
            answer(members.get(i), pollId, values[i], false);
        }
        answer(members.get(0), pollId, "1", false);

        people.server.advance(Duration.ofSeconds(30));
        JsonNode summary = summary(members.get(2));
        assertThat(summary.path("n").asInt()).isEqualTo(6);
        assertThat(summary.has("suppressed")).isFalse();
        assertThat(summary.path("distribution").toString()).isEqualTo("{\"1\":1,\"2\":0,\"3\":2,\"4\":1,\"5\":1}");
    }

    @Test
    void sharedAnswer_reachesFacilitatorsOnly_andALowScoreRaisesNoCrisisAlert() {
        TestClient gil = people.person("fac-2", "Gil", Role.FACILITATOR);
        join(gil, LOUNGE);
        settle(fran);
        members.forEach(SessionClients::settle);
        String pollId = poll(60);
        settle(gil);
        answer(members.get(0), pollId, "1", true);
        answer(members.get(1), pollId, "1", false);

        for (TestClient facilitator : List.of(fran, gil)) {
            List<JsonNode> frames = settle(facilitator);
            assertThat(frames).hasSize(1);
            JsonNode shared = frames.get(0);
            assertThat(shared.path("type").asText()).isEqualTo("alert");
            assertThat(shared.path("kind").asText()).isEqualTo("mood_shared");
            assertThat(shared.path("member").asText()).isEqualTo("m-ann");
            assertThat(shared.path("name").asText()).isEqualTo("Ann");
            assertThat(shared.path("value").asInt()).isEqualTo(1);
            assertThat(shared.path("pollId").asText()).isEqualTo(pollId);
        }
        for (TestClient member : members) {
            assertThat(settle(member)).as("members never see anyone's answer").isEmpty();
        }
    }

    @Test
    void newPoll_closesTheOpenOneWithItsSummary_andOnlyAFacilitatorMayOpenOne() {
        error(members.get(0), "{'type':'mood_poll','room':'lounge','phase':'check_in'}", "forbidden");
        String first = poll(60);
        assertThat(settle(members.get(1))).isEmpty();
        String second = poll(60);
        assertThat(second).isNotEqualTo(first);
        assertThat(summary(members.get(1)).path("pollId").asText()).isEqualTo(first);
        JsonNode joined = join(people.person("m-gus", "Gus", Role.MEMBER), LOUNGE);
        assertThat(joined.path("moodPoll").path("pollId").asText()).isEqualTo(second);
    }
}
