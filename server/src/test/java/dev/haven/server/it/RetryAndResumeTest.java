package dev.haven.server.it;

import static dev.haven.server.testing.Requests.error;
import static dev.haven.server.testing.Requests.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.testing.ServerAndClients;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol v1.2, "safer retries and reconnects", over real connections: Romeo's retried send is
 * delivered once, and Juliet, a guest, comes back as herself with her resume, also after the
 * server restarted.
 */
class RetryAndResumeTest {
    private final ServerAndClients world = new ServerAndClients(TestServer.start());

    @AfterEach
    void stop() {
        world.close();
    }

    private TestClient person(String id, String name, Role role) {
        return world.person(id, name, role);
    }

    /** Someone with a token, in the lounge. */
    private TestClient inLounge(String id, String name) {
        TestClient client = person(id, name, Role.MEMBER);
        ok(client, "{'type':'join','room':'lounge'}");
        return client;
    }

    /** The texts of the messages the client received so far, after a round trip. */
    private static List<String> messagesSoFar(TestClient client) {
        client.request("{\"type\":\"ping\"}");
        return client.drainReceived().stream().filter(f -> f.path("type").asText().equals("message"))
                .map(f -> f.path("text").asText()).toList();
    }

    // ------------------------------------------------------------------ send, retried

    @Test
    void send_retriedWithTheSameClientId_isDeliveredOnceAndAnsweredWithTheFirstSeq() {
        TestClient romeo = inLounge("u-romeo", "Romeo");
        TestClient juliet = inLounge("u-juliet", "Juliet");
        messagesSoFar(juliet);

        JsonNode first = ok(romeo, "{'type':'send','room':'lounge','text':'are you there?','clientId':'c-1'}");
        assertThat(first.has("duplicate")).isFalse();
        JsonNode retry = ok(romeo, "{'type':'send','room':'lounge','text':'are you there?','clientId':'c-1'}");

        assertThat(retry.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(messagesSoFar(juliet)).containsExactly("are you there?");
        JsonNode next = ok(romeo, "{'type':'send','room':'lounge','text':'hello','clientId':'c-2'}");
        assertThat(next.path("seq").asLong()).isEqualTo(first.path("seq").asLong() + 1);
    }

    @Test
    void send_retriedFromANewConnectionOfTheSameUser_isStillADuplicate() {
        TestClient romeo = inLounge("u-romeo", "Romeo");
        TestClient juliet = inLounge("u-juliet", "Juliet");
        long seq = ok(romeo, "{'type':'send','room':'lounge','text':'sent before the drop','clientId':'c-9'}")
                .path("seq").asLong();
        romeo.abort();

        TestClient romeoAgain = person("u-romeo", "Romeo", Role.MEMBER);
        ok(romeoAgain, "{'type':'join','room':'lounge','since':" + seq + "}");
        JsonNode retry = ok(romeoAgain, "{'type':'send','room':'lounge','text':'sent before the drop','clientId':'c-9'}");

        assertThat(retry.path("seq").asLong()).isEqualTo(seq);
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(messagesSoFar(juliet)).containsExactly("sent before the drop");
    }

    @Test
    void send_sameClientIdFromAnotherUserOrAnotherRoom_isANewMessage() {
        TestClient romeo = inLounge("u-romeo", "Romeo");
        TestClient juliet = inLounge("u-juliet", "Juliet");
        ok(romeo, "{'type':'join','room':'small'}");

        long first = ok(romeo, "{'type':'send','room':'lounge','text':'one','clientId':'same'}").path("seq").asLong();
        JsonNode hers = ok(juliet, "{'type':'send','room':'lounge','text':'two','clientId':'same'}");
        JsonNode elsewhere = ok(romeo, "{'type':'send','room':'small','text':'three','clientId':'same'}");

        assertThat(hers.path("seq").asLong()).isEqualTo(first + 1);
        assertThat(hers.has("duplicate")).isFalse();
        assertThat(elsewhere.has("duplicate")).isFalse();
        assertThat(messagesSoFar(juliet)).containsExactly("one", "two");
    }

    @Test
    void send_retriedAfterAMute_isAnsweredAsAcceptedNotRefused() {
        TestClient fran = person("fac-1", "Fran", Role.FACILITATOR);
        TestClient romeo = person("u-romeo", "Romeo", Role.MEMBER);
        ok(fran, "{'type':'join','room':'lounge'}");
        ok(romeo, "{'type':'join','room':'lounge'}");
        long seq = ok(romeo, "{'type':'send','room':'lounge','text':'before','clientId':'c-1'}").path("seq").asLong();
        ok(fran, "{'type':'mute','room':'lounge','user':'u-romeo'}");

        JsonNode retry = ok(romeo, "{'type':'send','room':'lounge','text':'before','clientId':'c-1'}");

        assertThat(retry.path("seq").asLong()).isEqualTo(seq);
        assertThat(error(romeo, "{'type':'send','room':'lounge','text':'after','clientId':'c-2'}").path("code").asText())
                .isEqualTo("muted");
    }

    @Test
    void send_retriedAfterItLeftTheHeldHistory_isDeliveredAgain() {
        world.replaceServer(TestServer.start(TestServer.config(2)));
        TestClient romeo = inLounge("u-romeo", "Romeo");
        TestClient juliet = inLounge("u-juliet", "Juliet");
        long first = ok(romeo, "{'type':'send','room':'lounge','text':'old','clientId':'c-1'}").path("seq").asLong();
        ok(romeo, "{'type':'send','room':'lounge','text':'two','clientId':'c-2'}");
        ok(romeo, "{'type':'send','room':'lounge','text':'three','clientId':'c-3'}");

        JsonNode late = ok(romeo, "{'type':'send','room':'lounge','text':'old','clientId':'c-1'}");

        assertThat(late.path("seq").asLong()).isEqualTo(first + 3);
        assertThat(late.has("duplicate")).isFalse();
        assertThat(messagesSoFar(juliet)).containsExactly("old", "two", "three", "old");
    }

    // ------------------------------------------------------------------ guests resume

    @Test
    void hello_asAGuest_repliesWithAResumeAndATokenUserGetsNone() {
        TestClient juliet = world.connect();
        JsonNode hello = ok(juliet, "{'type':'hello','name':'Juliet'}");
        assertThat(hello.path("resume").asText()).isNotBlank();

        TestClient fran = world.connect();
        assertThat(ok(fran, "{'type':'hello','token':'" + world.server().token("fac-1", "Fran", Role.FACILITATOR) + "'}")
                .has("resume")).isFalse();
    }

    @Test
    void hello_withResume_isTheSameGuestWithTheSameNameInTheRoom() {
        TestClient juliet = world.connect();
        JsonNode first = ok(juliet, "{'type':'hello','name':'Juliet'}");
        String id = first.path("user").path("id").asText();
        String resume = first.path("resume").asText();
        ok(juliet, "{'type':'join','room':'lounge'}");
        long seq = ok(juliet, "{'type':'send','room':'lounge','text':'mine','clientId':'c-1'}").path("seq").asLong();
        juliet.abort();

        TestClient julietAgain = world.connect();
        JsonNode again = ok(julietAgain, "{'type':'hello','resume':'" + resume + "'}");

        assertThat(again.path("user").path("id").asText()).isEqualTo(id);
        assertThat(again.path("user").path("name").asText()).isEqualTo("Juliet");
        assertThat(again.path("resume").asText()).isEqualTo(resume);
        JsonNode joined = ok(julietAgain, "{'type':'join','room':'lounge'}");
        assertThat(joined.path("history").get(0).path("from").path("id").asText()).isEqualTo(id);
        // Her retry after the reconnect is recognised as hers.
        assertThat(ok(julietAgain, "{'type':'send','room':'lounge','text':'mine','clientId':'c-1'}").path("seq").asLong())
                .isEqualTo(seq);
    }

    @Test
    void hello_withResume_afterAServerRestart_isStillTheSameGuest() {
        TestClient juliet = world.connect();
        JsonNode first = ok(juliet, "{'type':'hello','name':'Juliet'}");
        juliet.close();
        world.replaceServer(TestServer.start());

        TestClient julietAgain = world.connect();
        JsonNode again = ok(julietAgain, "{'type':'hello','resume':'" + first.path("resume").asText() + "'}");

        assertThat(again.path("user").path("id").asText()).isEqualTo(first.path("user").path("id").asText());
        assertThat(again.path("user").path("name").asText()).isEqualTo("Juliet");
    }

    @Test
    void hello_withAForgedOrAlteredResume_isRefusedLikeABadToken() {
        TestClient juliet = world.connect();
        String resume = ok(juliet, "{'type':'hello','name':'Juliet'}").path("resume").asText();
        String altered = resume.substring(0, resume.length() - 3) + (resume.endsWith("AAA") ? "BBB" : "AAA");

        for (String bad : List.of(altered, "not-a-resume")) {
            TestClient impostor = world.connect();
            JsonNode refused = error(impostor, "{'type':'hello','resume':'" + bad + "'}");
            assertThat(refused.path("code").asText()).isEqualTo("unauthenticated");
            assertThat(refused.path("message").asText()).doesNotContain(bad);
            assertThat(impostor.awaitClose()).isEqualTo(4001);
        }
    }

    @Test
    void resumeAndToken_areNeverTakenForOneAnother() {
        TestClient juliet = world.connect();
        String resume = ok(juliet, "{'type':'hello','name':'Juliet'}").path("resume").asText();
        String token = world.server().token("guest-0123456789abcdef01", "Juliet", Role.MEMBER);

        TestClient asToken = world.connect();
        assertThat(error(asToken, "{'type':'hello','token':'" + resume + "'}").path("code").asText())
                .isEqualTo("unauthenticated");
        TestClient asResume = world.connect();
        assertThat(error(asResume, "{'type':'hello','resume':'" + token + "'}").path("code").asText())
                .isEqualTo("unauthenticated");
    }

    @Test
    void hello_withResume_ofABannedGuest_isTheSameIdAndStillBanned() {
        TestClient fran = person("fac-1", "Fran", Role.FACILITATOR);
        TestClient juliet = world.connect();
        JsonNode hello = ok(juliet, "{'type':'hello','name':'Juliet'}");
        String id = hello.path("user").path("id").asText();
        ok(fran, "{'type':'join','room':'lounge'}");
        ok(juliet, "{'type':'join','room':'lounge'}");
        ok(fran, "{'type':'ban','room':'lounge','user':'" + id + "','seconds':600}");
        juliet.abort();

        TestClient julietAgain = world.connect();
        JsonNode again = ok(julietAgain, "{'type':'hello','resume':'" + hello.path("resume").asText() + "'}");

        assertThat(again.path("user").path("id").asText()).isEqualTo(id);
        assertThat(error(julietAgain, "{'type':'join','room':'lounge'}").path("code").asText()).isEqualTo("banned");
    }

    @Test
    void hello_asAGuest_whenResumesAreOff_hasNoResumeAndAResumeIsRefused() {
        TestClient before = world.connect();
        String resume = ok(before, "{'type':'hello','name':'Juliet'}").path("resume").asText();
        HavenConfig noResume = TestServer.config(200);
        world.replaceServer(TestServer.start(noResume.withAuth(noResume.auth().withGuestResumeSeconds(0))));

        TestClient juliet = world.connect();
        assertThat(ok(juliet, "{'type':'hello','name':'Juliet'}").has("resume")).isFalse();
        TestClient returning = world.connect();
        assertThat(error(returning, "{'type':'hello','resume':'" + resume + "'}").path("code").asText())
                .isEqualTo("unauthenticated");
    }
}
