package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.state.StateDirectory;
import dev.haven.server.testing.Http;
import dev.haven.server.testing.Http.Answer;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.transport.HavenServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API over real HTTP on the server's own port: an operator (Olu, an admin token)
 * creates a group, a member joins it at once, Olu changes it, the server restarts from its state
 * directory and still has it, then Olu archives it and everyone in it is told and out.
 */
class AdminApiTest {
    private static final String ROOM = """
            {"id":"grief-circle","name":"Grief Circle","category":"condition","topic":"After a loss",
             "tags":["grief"],"capacity":12,"guidelines":"Be gentle.","region":"GB"}""";

    @TempDir
    Path stateDir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private TestServer start() {
        StateDirectory state = keep(StateDirectory.open(stateDir));
        return keep(TestServer.start(TestServer.config(200), new HavenServer.Options(state.roomCatalog(), null)));
    }

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    @Test
    void calls_withoutAToken_are401_withAnotherRole_403_withAnAdminToken_200() {
        TestServer server = start();
        Answer none = Http.get(server.port(), "/api/v1/rooms", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("unauthenticated");
        assertThat(none.json().path("type").asText()).isEqualTo("error");

        Answer forged = Http.get(server.port(), "/api/v1/rooms", "not-a-token");
        assertThat(forged.status()).isEqualTo(401);

        Answer facilitator = Http.get(server.port(), "/api/v1/rooms",
                server.token("fac-1", "Fran", Role.FACILITATOR));
        assertThat(facilitator.status()).isEqualTo(403);
        assertThat(facilitator.code()).isEqualTo("forbidden");

        Answer admin = Http.get(server.port(), "/api/v1/rooms", server.token("olu", "Olu", Role.ADMIN));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("rooms")).extracting(r -> r.path("id").asText())
                .containsExactly(TestServer.LOUNGE, TestServer.CIRCLE, TestServer.SMALL);
        assertThat(admin.json().path("rooms").get(0).path("live").path("members").asInt()).isZero();
    }

    @Test
    void unknownPaths_wrongMethods_andBadBodies_getJsonErrorsWithCodes() {
        TestServer server = start();
        String admin = server.token("olu", "Olu", Role.ADMIN);
        assertThat(Http.get(server.port(), "/api/v1/nothing", admin).status()).isEqualTo(404);
        assertThat(Http.get(server.port(), "/api/v1/rooms/no-such-room", admin).code()).isEqualTo("not_found");
        Answer wrongMethod = Http.call(server.port(), "PUT", "/api/v1/rooms", admin, "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);

        Answer notJson = Http.call(server.port(), "POST", "/api/v1/rooms", admin, "{nope");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("bad_request");
        Answer badCapacity = Http.call(server.port(), "POST", "/api/v1/rooms", admin,
                ROOM.replace("\"capacity\":12", "\"capacity\":0"));
        assertThat(badCapacity.status()).isEqualTo(400);
        assertThat(badCapacity.json().path("message").asText()).contains("capacity");
        Answer unknownField = Http.call(server.port(), "POST", "/api/v1/rooms", admin,
                ROOM.replace("\"region\"", "\"colour\""));
        assertThat(unknownField.status()).isEqualTo(400);
        Answer taken = Http.call(server.port(), "POST", "/api/v1/rooms", admin,
                ROOM.replace("grief-circle", TestServer.LOUNGE));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("conflict");
    }

    @Test
    void createdRoom_isJoinableAtOnce_changesApply_survivesARestart_andArchivingEmptiesIt() throws Exception {
        TestServer server = start();
        String admin = server.token("olu", "Olu", Role.ADMIN);

        Answer created = Http.call(server.port(), "POST", "/api/v1/rooms", admin, ROOM);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.response().headers().firstValue("Location")).hasValue("/api/v1/rooms/grief-circle");
        assertThat(created.json().path("room").path("live").path("state").asText()).isEqualTo("open");

        try (TestClient sam = TestClient.guest(server.port(), "Sam")) {
            JsonNode joined = sam.request(q("{'type':'join','room':'grief-circle','acceptGuidelines':true}"));
            assertThat(joined.path("type").asText()).isEqualTo("ok");
            assertThat(joined.path("room").path("guidelines").asText()).isEqualTo("Be gentle.");

            Answer changed = Http.call(server.port(), "PATCH", "/api/v1/rooms/grief-circle", admin,
                    q("{'guidelines':'Be gentle. Listen first.','topic':'After a loss, together'}"));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().path("room").path("guidelinesVersion").asInt()).isEqualTo(2);
            JsonNode updated = sam.awaitType("room_updated");
            assertThat(updated.path("room").path("guidelinesVersion").asInt()).isEqualTo(2);
            assertThat(updated.path("room").path("topic").asText()).isEqualTo("After a loss, together");
            JsonNode refused = sam.request(q("{'type':'send','room':'grief-circle','text':'hello'}"));
            assertThat(refused.path("code").asText()).isEqualTo("guidelines_required");
        }
        closeAll();

        TestServer restarted = start();
        Answer listed = Http.get(restarted.port(), "/api/v1/rooms/grief-circle", admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("room").path("guidelines").asText()).isEqualTo("Be gentle. Listen first.");
        assertThat(listed.json().path("room").path("guidelinesVersion").asInt()).isEqualTo(2);

        try (TestClient sam = TestClient.guest(restarted.port(), "Sam");
             TestClient alex = TestClient.guest(restarted.port(), "Alex")) {
            for (TestClient member : List.of(sam, alex)) {
                assertThat(member.request(q("{'type':'join','room':'grief-circle','acceptGuidelines':true}"))
                        .path("type").asText()).isEqualTo("ok");
            }
            assertThat(sam.request(q("{'type':'send','room':'grief-circle','text':'hello'}")).path("type").asText())
                    .isEqualTo("ok");

            Answer archived = Http.call(restarted.port(), "DELETE", "/api/v1/rooms/grief-circle", admin, null);
            assertThat(archived.status()).isEqualTo(200);
            assertThat(archived.json().path("membersOut").asInt()).isEqualTo(2);
            for (TestClient member : List.of(sam, alex)) {
                JsonNode notice = member.await(f -> "notice".equals(f.path("type").asText())
                        && "room_archived".equals(f.path("kind").asText()));
                assertThat(notice.path("text").asText()).contains("closed");
            }
            JsonNode again = sam.request(q("{'type':'join','room':'grief-circle','acceptGuidelines':true}"));
            assertThat(again.path("code").asText()).isEqualTo("not_found");
            JsonNode directory = sam.request(q("{'type':'rooms'}"));
            assertThat(StreamSupport.stream(directory.path("rooms").spliterator(), false)
                    .map(r -> r.path("id").asText())).doesNotContain("grief-circle");
        }
        closeAll();

        TestServer third = start();
        assertThat(Http.get(third.port(), "/api/v1/rooms/grief-circle", admin).status()).isEqualTo(404);
        assertThat(Http.call(third.port(), "DELETE", "/api/v1/rooms/" + TestServer.SMALL, admin, null).status())
                .isEqualTo(200);
        closeAll();
        TestServer fourth = start();
        assertThat(Http.get(fourth.port(), "/api/v1/rooms", admin).json().path("rooms"))
                .extracting(r -> r.path("id").asText()).containsExactly(TestServer.LOUNGE, TestServer.CIRCLE);
    }

    @Test
    void announcement_reachesEveryoneInTheRoom_andSomeoneWhoJoinsLater_asItsOwnEvent() {
        TestServer server = start();
        String admin = server.token("olu", "Olu", Role.ADMIN);
        try (TestClient sam = TestClient.guest(server.port(), "Sam")) {
            sam.request(q("{'type':'join','room':'lounge'}"));
            Answer posted = Http.call(server.port(), "POST", "/api/v1/rooms/lounge/announcements", admin,
                    q("{'text':'Tonight the group ends at 20:30.'}"));
            assertThat(posted.status()).isEqualTo(201);
            JsonNode seen = sam.awaitType("announcement");
            assertThat(seen.path("text").asText()).isEqualTo("Tonight the group ends at 20:30.");
            assertThat(seen.path("room").asText()).isEqualTo("lounge");

            try (TestClient alex = TestClient.guest(server.port(), "Alex")) {
                alex.request(q("{'type':'join','room':'lounge'}"));
                assertThat(alex.awaitType("announcement").path("id").asText()).isEqualTo(seen.path("id").asText());
            }
        }
        assertThat(Http.call(server.port(), "POST", "/api/v1/rooms/lounge/announcements", admin, q("{'text':''}"))
                .status()).isEqualTo(400);
    }

    @Test
    void endingAUsersSessions_closesEveryConnectionOfIt_with4001_andNoOneElse() {
        TestServer server = start();
        String admin = server.token("olu", "Olu", Role.ADMIN);
        String moToken = server.token("mo", "Mo", Role.MEMBER);
        try (TestClient phone = TestClient.withToken(server.port(), moToken);
             TestClient laptop = TestClient.withToken(server.port(), moToken);
             TestClient sam = TestClient.guest(server.port(), "Sam")) {
            phone.request(q("{'type':'join','room':'lounge'}"));
            Answer ended = Http.call(server.port(), "DELETE", "/api/v1/users/mo/sessions", admin, null);
            assertThat(ended.status()).isEqualTo(200);
            assertThat(ended.json().path("closed").asInt()).isEqualTo(2);
            assertThat(phone.awaitClose()).isEqualTo(4001);
            assertThat(laptop.awaitClose()).isEqualTo(4001);
            assertThat(sam.request(q("{'type':'ping'}")).path("type").asText()).isEqualTo("ok");
        }
    }

    @Test
    void openAlerts_areListed_withoutTheWordsOrTheName() {
        TestServer server = start();
        String admin = server.token("olu", "Olu", Role.ADMIN);
        String words = "I can't do this anymore. I'm going to kill myself tonight";
        try (TestClient sam = TestClient.guest(server.port(), "Samwise Quietly")) {
            sam.request(q("{'type':'join','room':'lounge'}"));
            sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + words + "\"}");
            sam.awaitType("notice");
            Answer alerts = Http.get(server.port(), "/api/v1/alerts", admin);
            assertThat(alerts.status()).isEqualTo(200);
            JsonNode alert = alerts.json().path("alerts").get(0);
            assertThat(alert.path("room").asText()).isEqualTo("lounge");
            assertThat(alert.path("kind").asText()).isEqualTo("crisis");
            assertThat(alert.path("tier").asText()).isEqualTo("high");
            assertThat(alert.path("escalated").asBoolean()).as("no facilitator: straight to supervisors").isTrue();
            assertThat(alerts.body()).doesNotContain("kill").doesNotContain("Samwise");
        }
    }

    @Test
    void everyCall_isAudited_byWhoAndWhat_neverTheBody() {
        TestServer server = start();
        String admin = server.token("olu", "Olu", Role.ADMIN);
        Http.get(server.port(), "/api/v1/rooms", null);
        Http.call(server.port(), "POST", "/api/v1/rooms/lounge/announcements", admin, q("{'text':'secret words 42'}"));
        Answer audit = Http.get(server.port(), "/api/v1/audit?limit=10", admin);
        assertThat(audit.status()).isEqualTo(200);
        JsonNode entries = audit.json().path("entries");
        assertThat(entries).extracting(e -> e.path("action").asText() + " " + e.path("status").asInt())
                .containsExactly("GET /api/v1/… 401", "POST /api/v1/rooms/{id}/announcements 201");
        assertThat(entries.get(1).path("actor").asText()).isEqualTo("olu");
        assertThat(entries.get(1).path("target").asText()).isEqualTo("lounge");
        assertThat(audit.body()).doesNotContain("secret words");
    }

    @Test
    void oneAddressCallingTooOften_isRateLimited_with429AndRetryAfter() {
        TestServer server = start();
        Answer last = null;
        for (int i = 0; i < 40 && (last == null || last.status() != 429); i++) {
            last = Http.get(server.port(), "/api/v1/rooms", null);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("rate_limited");
        assertThat(last.response().headers().firstValue("Retry-After")).isPresent();
    }
}
