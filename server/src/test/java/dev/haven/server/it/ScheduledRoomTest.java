package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.config.ScheduleSettings;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.transport.HavenServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A weekly group on Sundays at 19:00 in London, on a manual clock that starts on Sunday 22 March
 * 2026 at noon and runs across the change to summer time a week later: Sam comes too early and
 * is told when, comes back in the lobby and reads "the group starts at 19:00 (in 12 min)", Fran
 * opens the session, which runs past its slot without being cut off; the directory's next
 * session moves to the next Sunday, an hour earlier in UTC.
 */
class ScheduledRoomTest {
    private static final String GROUP = "sunday-group";
    private static final Instant SUNDAY_NOON = Instant.parse("2026-03-22T12:00:00Z");

    private final List<TestClient> clients = new ArrayList<>();
    private TestServer server;

    @AfterEach
    void close() {
        clients.forEach(TestClient::close);
        if (server != null) {
            server.close();
        }
    }

    private void start() {
        ScheduleSettings sundays = new ScheduleSettings(List.of("sun"), "19:00", 90, "Europe/London", 15, null);
        RoomSettings group = new RoomSettings(GROUP, "Sunday Group", RoomCategory.CONDITION, "Weekly", List.of(),
                10, null, false).withSchedule(sundays);
        server = TestServer.startWithManualTime(TestServer.config(200).withRooms(List.of(group)), SUNDAY_NOON,
                HavenServer.Options.inMemory());
    }

    private TestClient guest(String name) {
        TestClient client = TestClient.guest(server.port(), name);
        clients.add(client);
        return client;
    }

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    private static JsonNode join(TestClient client) {
        return client.request(q("{'type':'join','room':'" + GROUP + "'}"));
    }

    private static String nextSession(TestClient client) {
        JsonNode rooms = client.request(q("{'type':'rooms'}")).path("rooms");
        return StreamSupport.stream(rooms.spliterator(), false).filter(r -> GROUP.equals(r.path("id").asText()))
                .findFirst().orElseThrow().path("nextSession").asText();
    }

    private void advanceTo(Instant when) {
        server.advance(Duration.ofMillis(when.toEpochMilli() - server.now()));
    }

    @Test
    void weeklyGroup_lobbyOpensBefore_facilitatorOpens_runsPastItsSlot_andMovesOnAcrossSummerTime() {
        start();
        TestClient sam = guest("Sam");
        assertThat(nextSession(sam)).isEqualTo("2026-03-22T19:00:00Z");

        JsonNode tooEarly = join(sam);
        assertThat(tooEarly.path("code").asText()).isEqualTo("session_not_open");
        assertThat(tooEarly.path("message").asText()).contains("19:00").contains("Sunday 22 March")
                .contains("15 min before");

        TestClient fran = TestClient.withToken(server.port(), server.token("fac-1", "Fran", Role.FACILITATOR));
        clients.add(fran);
        assertThat(join(fran).path("type").asText()).as("facilitators come in at any time").isEqualTo("ok");

        advanceTo(Instant.parse("2026-03-22T18:48:00Z"));
        JsonNode inLobby = join(sam);
        assertThat(inLobby.path("type").asText()).isEqualTo("ok");
        assertThat(inLobby.path("room").path("state").asText()).isEqualTo("lobby");
        JsonNode early = sam.await(f -> "session_scheduled".equals(f.path("kind").asText()));
        assertThat(early.path("text").asText()).startsWith("The group starts at 19:00 (in 12 min).");
        assertThat(sam.request(q("{'type':'send','room':'" + GROUP + "','text':'hi'}")).path("code").asText())
                .isEqualTo("session_not_open");

        advanceTo(Instant.parse("2026-03-22T19:01:00Z"));
        assertThat(fran.request(q("{'type':'open_session','room':'" + GROUP + "'}")).path("type").asText())
                .isEqualTo("ok");
        assertThat(sam.request(q("{'type':'send','room':'" + GROUP + "','text':'hello all'}")).path("type").asText())
                .isEqualTo("ok");

        advanceTo(Instant.parse("2026-03-22T21:00:00Z"));
        assertThat(sam.request(q("{'type':'send','room':'" + GROUP + "','text':'still talking'}")).path("type")
                .asText()).as("not cut off after its slot").isEqualTo("ok");
        TestClient alex = guest("Alex");
        assertThat(join(alex).path("type").asText()).as("an open session takes members").isEqualTo("ok");
        assertThat(nextSession(alex)).as("after the change to BST").isEqualTo("2026-03-29T19:00:00+01:00");

        assertThat(fran.request(q("{'type':'close_session','room':'" + GROUP + "','graceSeconds':1}")).path("type")
                .asText()).isEqualTo("ok");
        server.advance(Duration.ofSeconds(2));
        sam.await(f -> "session_closed".equals(f.path("kind").asText()));

        advanceTo(Instant.parse("2026-03-29T17:40:00Z"));
        assertThat(join(sam).path("code").asText()).as("the lobby opens at 18:45 BST, 17:45 UTC")
                .isEqualTo("session_not_open");
        advanceTo(Instant.parse("2026-03-29T17:50:00Z"));
        assertThat(join(sam).path("type").asText()).isEqualTo("ok");
        assertThat(sam.await(f -> "session_scheduled".equals(f.path("kind").asText())).path("text").asText())
                .startsWith("The group starts at 19:00 (in 10 min).");
    }
}
