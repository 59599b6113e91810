package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.PagingSettings;
import dev.haven.server.paging.PageSigner;
import dev.haven.server.paging.WebhookReceiver;
import dev.haven.server.state.RoomCatalog;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.transport.HavenServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * At night nobody facilitates the lounge. Sam writes words of crisis: the supervisors' pager
 * receives an escalation with no name and no words, and Sam is told honestly that nobody of the
 * team is on duty, although Sue, a supervisor, has a tab open. Sue goes on duty; when Alex writes,
 * the page says one supervisor on duty received it, and Alex is told someone was. Fran sees who
 * is on duty; members cannot.
 */
class EscalationPagingTest {
    private static final String SECRET = "paging-secret-paging-secret-0123456789";
    private static final String CRISIS = "I can't do this anymore. I'm going to kill myself tonight";

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    private static JsonNode supportNotice(TestClient client) {
        return client.await(f -> "support".equals(f.path("kind").asText()));
    }

    @Test
    void escalation_pagesTheWebhook_andTheMembersNoticeSaysWhetherAnyoneIsOnDuty() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (WebhookReceiver pager = new WebhookReceiver(n -> 200);
             TestServer server = TestServer.start(TestServer.config(200).withPaging(
                     new PagingSettings(List.of(pager.url()), SECRET, 3, "https://chat.example.org")),
                     new HavenServer.Options(RoomCatalog.inMemory(), (task, delay) -> { }));
             TestClient sue = TestClient.withToken(server.port(), server.token("sup-1", "Sue", Role.SUPERVISOR));
             TestClient fran = TestClient.withToken(server.port(), server.token("fac-1", "Fran", Role.FACILITATOR));
             TestClient sam = TestClient.guest(server.port(), "Sam");
             TestClient alex = TestClient.guest(server.port(), "Alex")) {
            sam.request(q("{'type':'join','room':'lounge'}"));
            sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CRISIS + "\"}");

            assertThat(supportNotice(sam).path("text").asText())
                    .contains("nobody from the support team is online");
            assertThat(sue.await(f -> "crisis".equals(f.path("kind").asText())).path("escalated").asBoolean())
                    .as("a connected supervisor still receives it").isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> pager.received().size() == 1);
            WebhookReceiver.Received first = pager.received().get(0);
            JsonNode page = json.readTree(first.body());
            assertThat(page.path("room").asText()).isEqualTo("lounge");
            assertThat(page.path("step").asText()).isEqualTo("no_facilitator");
            assertThat(page.path("onDuty").asInt()).isZero();
            assertThat(page.path("ackUrl").asText()).startsWith("https://chat.example.org/#room=lounge&alert=");
            assertThat(first.header(PageSigner.HEADER))
                    .isEqualTo(new PageSigner(SECRET).sign(first.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(first.body()).doesNotContain("Sam").doesNotContain("kill");

            JsonNode onDuty = sue.request(q("{'type':'duty','onDuty':true}"));
            assertThat(onDuty.path("you").asBoolean()).isTrue();
            assertThat(onDuty.path("onDuty").get(0).path("name").asText()).isEqualTo("Sue");
            assertThat(fran.request(q("{'type':'duty_roster'}")).path("onDuty").get(0).path("id").asText())
                    .isEqualTo("sup-1");
            assertThat(alex.request(q("{'type':'duty_roster'}")).path("code").asText()).isEqualTo("forbidden");
            assertThat(fran.request(q("{'type':'duty','onDuty':true}")).path("code").asText()).isEqualTo("forbidden");

            alex.request(q("{'type':'join','room':'lounge'}"));
            alex.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CRISIS + "\"}");
            assertThat(supportNotice(alex).path("text").asText()).contains("Someone from the support team has been told");
            await().atMost(Duration.ofSeconds(10)).until(() -> pager.received().size() == 2);
            assertThat(json.readTree(pager.received().get(1).body()).path("onDuty").asInt()).isEqualTo(1);

            sue.close();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    fran.request(q("{'type':'duty_roster'}")).path("onDuty").isEmpty());
        }
    }
}
