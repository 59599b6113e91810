package dev.haven.server.it;

import static dev.haven.server.it.SessionClients.GROUP;
import static dev.haven.server.it.SessionClients.awaitNotice;
import static dev.haven.server.it.SessionClients.awaitRoomState;
import static dev.haven.server.it.SessionClients.awaitRound;
import static dev.haven.server.it.SessionClients.error;
import static dev.haven.server.it.SessionClients.join;
import static dev.haven.server.it.SessionClients.ok;
import static dev.haven.server.it.SessionClients.settle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session's life over real connections, on the server's manual clock: lobby, open,
 * unfacilitated after the grace period and open again, and the close with its purge.
 */
class SessionFlowTest {
    private final SessionClients people = new SessionClients();
    private final TestClient fran = people.person("fac-1", "Fran", Role.FACILITATOR);
    private final TestClient alice = people.person("m-alice", "Alice", Role.MEMBER);
    private final TestClient bob = people.person("m-bob", "Bob", Role.MEMBER);

    @AfterEach
    void stop() {
        people.close();
    }

    private void openGroup() {
        join(fran, GROUP);
        join(alice, GROUP);
        join(bob, GROUP);
        ok(fran, "{'type':'open_session','room':'group'}");
        settle(fran, alice, bob);
    }

    @Test
    void lobby_membersReadButCannotWrite_untilAFacilitatorOpensTheSession() {
        JsonNode joined = join(alice, GROUP);
        assertThat(joined.path("room").path("state").asText()).isEqualTo("lobby");
        assertThat(joined.path("room").path("requireFacilitator").asBoolean()).isTrue();
        error(alice, "{'type':'send','room':'group','text':'anyone here?'}", "session_not_open");
        error(alice, "{'type':'open_session','room':'group'}", "forbidden");

        join(fran, GROUP);
        ok(fran, "{'type':'send','room':'group','text':'Welcome, we start in a minute.'}");
        assertThat(alice.awaitType("message").path("text").asText()).isEqualTo("Welcome, we start in a minute.");
        error(fran, "{'type':'round_start','room':'group','kind':'check_in','prompt':'How are you?'}",
                "session_not_open");

        ok(fran, "{'type':'open_session','room':'group'}");
        assertThat(awaitRoomState(alice, "open").path("room").path("state").asText()).isEqualTo("open");
        ok(alice, "{'type':'send','room':'group','text':'Hello'}");
        settle(alice);
        ok(fran, "{'type':'open_session','room':'group'}");
        assertThat(settle(alice)).as("opening an open session again changes nothing").isEmpty();
    }

    @Test
    void lastFacilitatorGone_forTheGracePeriod_makesTheRoomUnfacilitated_andAReturningFacilitatorReopensIt() {
        openGroup();
        ok(fran, "{'type':'round_start','room':'group','kind':'check_in','prompt':'One word','turnSeconds':300}");
        awaitRound(alice, "running", "m-alice");
        ok(fran, "{'type':'leave','room':'group'}");
        settle(alice, bob);

        people.server.advance(Duration.ofSeconds(89));
        assertThat(settle(alice)).as("nothing happens within the grace period").isEmpty();
        people.server.advance(Duration.ofSeconds(1));

        JsonNode notice = awaitNotice(alice, "unfacilitated");
        assertThat(notice.path("text").asText()).contains("No facilitator is with the group right now");
        assertThat(notice.path("resources").isArray()).isTrue();
        awaitNotice(bob, "unfacilitated");
        assertThat(awaitRoomState(alice, "unfacilitated").path("room").path("state").asText()).isEqualTo("unfacilitated");
        JsonNode paused = awaitRound(alice, "paused", "m-alice");
        assertThat(paused.path("turnEndsAt").isNull()).isTrue();
        assertThat(paused.path("remainingMs").asLong()).as("the turn ran on during the grace period")
                .isEqualTo(210_000);
        ok(bob, "{'type':'send','room':'group','text':'We can still talk.'}");
        error(alice, "{'type':'turn_done','room':'group'}", "not_your_turn");

        TestClient carol = people.person("m-carol", "Carol", Role.MEMBER);
        JsonNode carolJoined = join(carol, GROUP);
        assertThat(carolJoined.path("room").path("state").asText()).isEqualTo("unfacilitated");
        assertThat(carolJoined.path("round").path("queue").toString()).contains("m-carol");
        awaitNotice(carol, "unfacilitated");

        join(fran, GROUP);
        awaitRoomState(alice, "open");
        JsonNode resumed = awaitRound(alice, "running", "m-alice");
        assertThat(resumed.path("turnEndsAt").asLong()).as("the turn goes on with the time it had left")
                .isEqualTo(people.server.now() + 210_000);
        assertThat(resumed.path("remainingMs").isMissingNode()).isTrue();
    }

    @Test
    void unfacilitated_givesMembersTheRoomsAlwaysOpenHelplines_andAlertsEveryConnectedSupervisor() {
        TestClient sue = people.person("sup-1", "Sue", Role.SUPERVISOR);
        openGroup();
        ok(fran, "{'type':'leave','room':'group'}");
        settle(alice, sue);
        people.server.advance(Duration.ofSeconds(90));

        JsonNode notice = awaitNotice(alice, "unfacilitated");
        assertThat(notice.path("text").asText()).endsWith("If you need to talk to someone now, these services can help.");
        List<String> cards = notice.path("resources").findValuesAsText("id");
        assertThat(cards).startsWith("us-veterans-crisis-line").contains("int-findahelpline");
        assertThat(notice.path("resources")).allSatisfy(card -> assertThat(card.path("alwaysOpen").asBoolean()).isTrue());
        JsonNode alert = sue.await(f -> f.path("type").asText().equals("alert"));
        assertThat(alert.path("kind").asText()).isEqualTo("unfacilitated");
        assertThat(alert.path("room").asText()).isEqualTo(GROUP);
        assertThat(alert.path("ts").asLong()).isEqualTo(people.server.now());
        assertThat(settle(alice)).extracting(f -> f.path("type").asText()).doesNotContain("alert");
        assertThat(settle(sue)).as("one alert for one dropout").isEmpty();
    }

    @Test
    void closeSession_purgesTheSessionsOpenCrisisAlerts() {
        openGroup();
        ok(alice, "{'type':'send','room':'group','text':'I want to end my life tonight'}");
        JsonNode crisis = fran.await(f -> f.path("type").asText().equals("alert") && f.path("kind").asText().equals("crisis"));
        ok(fran, "{'type':'close_session','room':'group','graceSeconds':5}");
        people.server.advance(Duration.ofSeconds(5));
        awaitNotice(fran, "session_closed");

        join(fran, GROUP);
        error(fran, "{'type':'ack_alert','room':'group','alertId':'" + crisis.path("alertId").asText()
                + "','action':'handled'}", "not_found");
    }

    @Test
    void facilitatorBackWithinTheGracePeriod_goesUnnoticed() {
        openGroup();
        fran.close();
        settle(alice);
        people.server.advance(Duration.ofSeconds(60));
        TestClient franAgain = people.person("fac-1", "Fran", Role.FACILITATOR);
        join(franAgain, GROUP);
        people.server.advance(Duration.ofMinutes(10));

        List<JsonNode> seen = settle(alice);
        assertThat(seen).extracting(f -> f.path("type").asText()).containsOnly("presence");
    }

    @Test
    void closeSession_tellsEveryone_thenEveryoneIsOut_andNothingOfTheSessionCanBeReadBack() {
        openGroup();
        ok(alice, "{'type':'send','room':'group','text':'my private story 7f3a'}");
        long lastSeq = ok(bob, "{'type':'send','room':'group','text':'thank you for sharing'}").path("seq").asLong();
        ok(fran, "{'type':'round_start','room':'group','kind':'go_round','prompt':'What helped?'}");
        ok(fran, "{'type':'mood_poll','room':'group','phase':'check_out','closesInSeconds':300}");
        settle(fran, alice, bob);

        ok(fran, "{'type':'close_session','room':'group','graceSeconds':30}");
        JsonNode closing = awaitNotice(alice, "session_closing");
        assertThat(closing.path("closesAt").asLong()).isEqualTo(people.server.now() + 30_000);
        assertThat(closing.path("text").asText()).contains("30 seconds");
        awaitNotice(bob, "session_closing");
        assertThat(awaitRoomState(alice, "open").path("room").path("closesAt").asLong())
                .isEqualTo(closing.path("closesAt").asLong());

        people.server.advance(Duration.ofSeconds(30));
        for (TestClient client : List.of(fran, alice, bob)) {
            assertThat(awaitNotice(client, "session_closed").path("text").asText()).contains("has ended");
        }
        error(alice, "{'type':'send','room':'group','text':'still here?'}", "not_in_room");
        error(fran, "{'type':'stats','room':'group'}", "not_in_room");

        // Nothing of the session can be read back: not by a plain join, not by catch-up from any seq, not in stats.
        TestClient newcomer = people.person("m-noa", "Noa", Role.MEMBER);
        for (String since : List.of("", ",'since':0", ",'since':1", ",'since':" + (lastSeq - 1))) {
            JsonNode rejoined = ok(alice, "{'type':'join','room':'group','acceptGuidelines':true" + since + "}");
            assertThat(rejoined.path("history")).as("history after close, since %s", since).isEmpty();
            assertThat(rejoined.path("gap").asBoolean()).as("a purge is not a gap").isFalse();
            assertThat(rejoined.path("seq").asLong()).isEqualTo(lastSeq);
            assertThat(rejoined.path("round").isMissingNode()).isTrue();
            assertThat(rejoined.path("moodPoll").isMissingNode()).isTrue();
            assertThat(rejoined.path("room").path("state").asText()).isEqualTo("lobby");
            assertThat(rejoined.path("room").has("closesAt")).isFalse();
        }
        assertThat(join(newcomer, GROUP).path("history")).isEmpty();
        join(fran, GROUP);
        JsonNode stats = ok(fran, "{'type':'stats','room':'group'}");
        assertThat(stats.path("members").findValues("messages")).allSatisfy(n -> assertThat(n.asInt()).isZero());
        assertThat(stats.toString()).doesNotContain("m-bob");
        assertThat(stats.path("dominant")).isEmpty();
        people.server.advance(Duration.ofMinutes(10));
        assertThat(settle(alice)).extracting(f -> f.path("type").asText())
                .as("the purged check-in sends no summary").doesNotContain("mood_summary", "round");

        // The next session counts on.
        ok(fran, "{'type':'open_session','room':'group'}");
        assertThat(ok(alice, "{'type':'send','room':'group','text':'a new evening'}").path("seq").asLong())
                .isEqualTo(lastSeq + 1);
    }

    @Test
    void openSession_whileClosing_callsTheCloseOff() {
        openGroup();
        ok(fran, "{'type':'close_session','room':'group','graceSeconds':60}");
        awaitNotice(alice, "session_closing");
        ok(fran, "{'type':'open_session','room':'group'}");
        JsonNode reopened = alice.await(f -> f.path("type").asText().equals("room_updated")
                && !f.path("room").has("closesAt"));
        assertThat(reopened.path("room").path("state").asText()).isEqualTo("open");

        people.server.advance(Duration.ofMinutes(5));
        ok(alice, "{'type':'send','room':'group','text':'still in the session'}");
    }
}
