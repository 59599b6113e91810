package dev.haven.server.it;

import static dev.haven.server.testing.Requests.error;
import static dev.haven.server.testing.Requests.ok;
import static dev.haven.server.testing.Requests.settle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.state.StateDirectory;
import dev.haven.server.testing.Http;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.transport.HavenServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone server stopped as SIGTERM stops it ({@code HavenServer.stop}, then the state
 * directory is closed, as {@code Main}'s shutdown hook does) and started again on the same
 * state directory: the evening goes on where it was. The rooms read time from a manual clock
 * the test moves; the second server's clock starts where the first one's stopped, a few seconds
 * later.
 */
class RestartTest {
    private static final String ROOM = "evening";
    private static final Instant START = Instant.now();
    /** What people say tonight: none of it may be found on disk. */
    private static final String SAID = "words " + UUID.randomUUID();
    private static final String CRISIS = "I can't go on, I'm going to kill myself tonight " + UUID.randomUUID();
    private static final String WARNED = "keep it kind " + UUID.randomUUID();
    private static final String CHECKIN_SAID = "are you safe right now " + UUID.randomUUID();
    private static final String CLOSING = "see you next week " + UUID.randomUUID();

    @TempDir
    Path dir;

    private final List<TestClient> clients = new ArrayList<>();
    private StateDirectory state;
    private TestServer server;

    private final HavenConfig config = TestServer.config(200).withRooms(List.of(
            new RoomSettings(ROOM, "Evening Group", RoomCategory.CONDITION, "t", List.of(), 30, "Be kind.", false, "US",
                    null, null, true, null)));

    private void start(Instant at) {
        state = StateDirectory.open(dir);
        server = TestServer.startWithManualTime(config, at, new HavenServer.Options(state.roomCatalog(), null,
                state.roomStateStore()));
    }

    /** What SIGTERM does to a lone server: {@code Main}'s shutdown hook. */
    private void stopAsSigtermDoes() {
        server.close();
        state.close();
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        if (server != null) {
            server.close();
        }
        if (state != null) {
            state.close();
        }
    }

    private TestClient person(String id, String name, Role role) {
        TestClient client = TestClient.withToken(server.port(), server.token(id, name, role));
        clients.add(client);
        return client;
    }

    private static JsonNode join(TestClient client) {
        return ok(client, "{'type':'join','room':'" + ROOM + "','acceptGuidelines':true}");
    }

    private static String say(String text) {
        return "{\"type\":\"send\",\"room\":\"" + ROOM + "\",\"text\":\"" + text + "\"}";
    }

    private static JsonNode alert(TestClient client, String kind) {
        return client.await(f -> f.path("type").asText().equals("alert") && f.path("kind").asText().equals(kind));
    }

    private static boolean isAlert(JsonNode frame) {
        return frame.path("type").asText().equals("alert");
    }

    @Test
    void theEveningGoesOnAfterARestart_mutesBansAuditSettingsSessionAndAlertsHold_andNothingSaidIsOnDisk()
            throws IOException {
        start(START);
        TestClient fran = person("fac-fran", "Fran", Role.FACILITATOR);
        TestClient robin = person("m-robin", "Robin", Role.MEMBER);
        TestClient sam = person("m-sam", "Sam", Role.MEMBER);
        TestClient kim = person("m-kim", "Kim", Role.MEMBER);
        for (TestClient client : List.of(fran, robin, sam, kim)) {
            join(client);
        }

        // Fran opens the session; Robin shares; Sam writes words of crisis, and Fran is alerted.
        ok(fran, "{'type':'open_session','room':'" + ROOM + "'}");
        long robinsSeq = robin.request(say(SAID)).path("seq").asLong();
        long lastSeq = sam.request(say(CRISIS)).path("seq").asLong();
        String alertId = alert(fran, "crisis").path("alertId").asText();
        // Fran warns Kim, checks in privately with Robin, mutes Sam for five minutes, bans Kim,
        // and slows the room down with new guidelines.
        ok(fran, "{'type':'warn','room':'" + ROOM + "','user':'m-kim','text':'" + WARNED + "'}");
        String checkin = ok(fran, "{'type':'checkin_open','room':'" + ROOM + "','user':'m-robin'}")
                .path("checkin").path("id").asText();
        ok(fran, "{'type':'checkin_send','checkin':'" + checkin + "','text':'" + CHECKIN_SAID + "'}");
        ok(fran, "{'type':'mute','room':'" + ROOM + "','user':'m-sam','seconds':300,'reason':'a pause for now'}");
        ok(fran, "{'type':'ban','room':'" + ROOM + "','user':'m-kim','reason':'repeated abuse'}");
        ok(fran, "{'type':'set_room','room':'" + ROOM + "','slowModeSeconds':20,'guidelines':'Be kind and brief.'}");
        JsonNode auditBefore = ok(fran, "{'type':'audit','room':'" + ROOM + "'}").path("entries");
        assertThat(auditBefore.size()).isEqualTo(6);
        server.advance(Duration.ofSeconds(30));
        long stoppedAt = server.now();

        stopAsSigtermDoes();
        clients.forEach(TestClient::close);
        clients.clear();
        start(Instant.ofEpochMilli(stoppedAt).plusSeconds(5));

        // Kim's ban holds.
        kim = person("m-kim", "Kim", Role.MEMBER);
        assertThat(error(kim, "{'type':'join','room':'" + ROOM + "','acceptGuidelines':true}").path("code").asText())
                .isEqualTo("banned");
        // Sam comes back to an open session, slowed down, with the new guidelines, and is still muted.
        sam = person("m-sam", "Sam", Role.MEMBER);
        JsonNode room = join(sam).path("room");
        assertThat(room.path("state").asText()).isEqualTo("open");
        assertThat(room.path("slowModeSeconds").asInt()).isEqualTo(20);
        assertThat(room.path("guidelinesVersion").asInt()).isEqualTo(2);
        assertThat(room.path("guidelines").asText()).startsWith("Be kind and brief.");
        assertThat(sam.request(say("I'm back")).path("code").asText()).isEqualTo("muted");
        // Fran finds the audit log as she left it, and Sam's alert still open.
        fran = person("fac-fran", "Fran", Role.FACILITATOR);
        join(fran);
        JsonNode kept = alert(fran, "crisis");
        assertThat(kept.path("alertId").asText()).isEqualTo(alertId);
        assertThat(kept.path("urgent").asBoolean()).isFalse();
        assertThat(ok(fran, "{'type':'audit','room':'" + ROOM + "'}").path("entries"))
                .isEqualTo(auditBefore);
        // Robin catches up from the last message it saw: nothing was missed, and seq goes on.
        robin = person("m-robin", "Robin", Role.MEMBER);
        JsonNode caughtUp = ok(robin, "{'type':'join','room':'" + ROOM + "','since':" + lastSeq
                + ",'acceptGuidelines':true}");
        assertThat(caughtUp.path("seq").asLong()).isEqualTo(lastSeq);
        assertThat(caughtUp.path("gap").asBoolean()).isFalse();
        assertThat(robin.request(say("hello again")).path("seq").asLong()).isEqualTo(lastSeq + 1);
        assertThat(robinsSeq).isLessThan(lastSeq);

        // The alert escalates on time: urgent 60 s after it opened, to the supervisors 60 s later.
        TestClient sue = person("sup-sue", "Sue", Role.SUPERVISOR);
        settle(fran, sue);
        server.advance(Duration.ofSeconds(20));
        assertThat(settle(fran)).as("35 s after the restart: 55 s after it opened").noneMatch(RestartTest::isAlert);
        server.advance(Duration.ofSeconds(6));
        JsonNode urgent = alert(fran, "crisis");
        assertThat(urgent.path("alertId").asText()).isEqualTo(alertId);
        assertThat(urgent.path("urgent").asBoolean()).isTrue();
        assertThat(settle(sue)).noneMatch(RestartTest::isAlert);
        server.advance(Duration.ofSeconds(60));
        JsonNode escalated = alert(sue, "crisis");
        assertThat(escalated.path("alertId").asText()).isEqualTo(alertId);
        assertThat(escalated.path("escalated").asBoolean()).isTrue();

        // Sam's five minutes end when they would have.
        server.advance(Duration.ofSeconds(300 - 121 - 2));
        assertThat(settle(sam)).noneMatch(f -> f.path("kind").asText().equals("unmuted"));
        server.advance(Duration.ofSeconds(3));
        sam.await(f -> f.path("type").asText().equals("notice") && f.path("kind").asText().equals("unmuted"));
        ok(sam, say("thank you all"));

        ok(fran, "{'type':'close_session','room':'" + ROOM + "','graceSeconds':60,'text':'" + CLOSING + "'}");
        assertThat(Http.get(server.port(), "/healthz", null).status()).isEqualTo(200);
        stopAsSigtermDoes();

        assertThat(everythingOnDisk()).contains("Kim", "a pause for now", "repeated abuse", "Be kind and brief.")
                .doesNotContain(SAID, CRISIS, "kill myself", WARNED, CHECKIN_SAID, CLOSING, "thank you all",
                        "hello again", "I'm back");
    }

    /** Every file of the state directory, as text. */
    private String everythingOnDisk() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
