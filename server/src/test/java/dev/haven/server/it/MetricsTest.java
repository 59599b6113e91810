package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.MetricsSettings;
import dev.haven.server.testing.Http;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics}: the fixed names are there and move with traffic, and nothing anyone
 * typed, no name, no user id and no token ever appears in it, whatever the traffic carries.
 */
class MetricsTest {
    /** Letters only: a run of digits in a pseudonym reads as a phone number, which hello refuses. */
    private static final String CANARY = "qz" + UUID.randomUUID().toString().replaceAll("[^a-f]", "")
            .concat("abcdefabcdef").substring(0, 12);
    private static final String CRISIS = "I can't do this anymore. I'm going to kill myself tonight";

    private static String scrape(TestServer server) {
        Http.Answer answer = Http.get(server.port(), "/metrics", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return answer.body();
    }

    /** The value of one series, by its name and, optionally, its labels as written. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? ([-0-9.Ee+]+|NaN)$")
                .matcher(scrape);
        if (!m.find()) {
            throw new AssertionError("no series " + series + " in\n" + scrape);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    @Test
    void metrics_haveTheFixedNames_andMoveWithTraffic() {
        try (TestServer server = TestServer.start()) {
            String before = scrape(server);
            for (String name : List.of("haven_connections", "haven_rooms", "haven_room_members",
                    "haven_messages_accepted_total", "haven_deliveries_total", "haven_requests_rejected_total",
                    "haven_send_to_fanout_seconds_bucket", "haven_send_to_fanout_seconds_count",
                    "haven_crisis_alerts_open", "haven_crisis_alerts_total", "haven_alert_ack_seconds_count",
                    "haven_alert_escalations_total", "haven_checkins_open", "haven_netty_direct_memory_bytes",
                    "jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_memory_allocated_bytes_total")) {
                assertThat(before).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
            }
            assertThat(value(before, "haven_rooms")).isEqualTo(3);

            try (TestClient fran = TestClient.withToken(server.port(), server.token("fac-1", "Fran", Role.FACILITATOR));
                 TestClient sam = TestClient.guest(server.port(), "Sam");
                 TestClient alex = TestClient.guest(server.port(), "Alex")) {
                for (TestClient person : List.of(fran, sam, alex)) {
                    person.request(q("{'type':'join','room':'lounge'}"));
                }
                sam.request(q("{'type':'send','room':'lounge','text':'hello'}"));
                alex.request(q("{'type':'send','room':'small','text':'not joined'}"));
                sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CRISIS + "\"}");
                JsonNode alert = fran.await(f -> "crisis".equals(f.path("kind").asText()));
                String alertId = alert.path("alertId").asText();
                String during = scrape(server);
                assertThat(value(during, "haven_connections")).isEqualTo(3);
                assertThat(value(during, "haven_room_members")).as("facilitators not counted").isEqualTo(2);
                assertThat(value(during, "haven_messages_accepted_total")).isEqualTo(2);
                assertThat(value(during, "haven_deliveries_total")).isEqualTo(6);
                assertThat(value(during, "haven_send_to_fanout_seconds_count")).isEqualTo(2);
                assertThat(value(during, "haven_requests_rejected_total{reason=\"not_in_room\"}")).isEqualTo(1);
                assertThat(value(during, "haven_crisis_alerts_total{tier=\"high\"}")).isEqualTo(1);
                assertThat(value(during, "haven_crisis_alerts_open{tier=\"high\"}")).isEqualTo(1);
                assertThat(value(during, "haven_crisis_alerts_unacknowledged{tier=\"high\"}")).isEqualTo(1);

                assertThat(value(during, "haven_checkins_open")).isZero();
                String samId = alert.path("member").asText();
                JsonNode opened = fran.request("{\"type\":\"checkin_open\",\"room\":\"lounge\",\"user\":\""
                        + samId + "\"}");
                assertThat(opened.path("type").asText()).isEqualTo("ok");
                assertThat(value(scrape(server), "haven_checkins_open")).isEqualTo(1);
                fran.request("{\"type\":\"checkin_close\",\"checkin\":\"" + opened.path("checkin").path("id").asText()
                        + "\",\"outcome\":\"resolved\"}");
                assertThat(value(scrape(server), "haven_checkins_open")).isZero();

                fran.request("{\"type\":\"ack_alert\",\"room\":\"lounge\",\"alertId\":\"" + alertId
                        + "\",\"action\":\"handled\"}");
                String acked = scrape(server);
                assertThat(value(acked, "haven_crisis_alerts_open{tier=\"high\"}")).isZero();
                assertThat(value(acked, "haven_crisis_alerts_unacknowledged{tier=\"high\"}")).isZero();
                assertThat(value(acked, "haven_alert_ack_seconds_count")).isEqualTo(1);

                alex.close();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        scrape(server).contains("haven_connections_closed_total{code=\"1000\"} 1.0"));
            }
        }
    }

    @Test
    void metrics_neverHoldAnameAnIdATokenOrAnythingTyped() {
        try (TestServer server = TestServer.start(TestServer.config(200)
                .withMetrics(new MetricsSettings(true, true)))) {
            String facilitatorToken = server.token("fac-" + CANARY, "Fran " + CANARY, Role.FACILITATOR);
            String memberToken = server.token("mem-" + CANARY, "Mo " + CANARY, Role.MEMBER);
            try (TestClient fran = TestClient.withToken(server.port(), facilitatorToken);
                 TestClient mo = TestClient.withToken(server.port(), memberToken);
                 TestClient sam = TestClient.guest(server.port(), "Sam " + CANARY)) {
                for (TestClient person : List.of(fran, mo, sam)) {
                    person.request(q("{'type':'join','room':'lounge'}"));
                }
                sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CANARY + " " + CRISIS
                        + "\",\"clientId\":\"" + CANARY + "\"}");
                mo.request("{\"type\":\"request_facilitator\",\"room\":\"lounge\",\"note\":\"" + CANARY + "\"}");
                mo.request("{\"type\":\"report\",\"room\":\"lounge\",\"seq\":1,\"reason\":\"" + CANARY + "\"}");
                sam.sendRaw("{\"type\":\"" + CANARY + "\"}");
                sam.await(f -> "error".equals(f.path("type").asText()));
                mo.request("{\"type\":\"join\",\"room\":\"" + CANARY + "\"}");
                sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CANARY + "x".repeat(4001) + "\"}");
                String metrics = scrape(server);
                assertThat(metrics).contains("haven_room_messages_accepted_total{room=\"lounge\"} 1.0");
                assertThat(metrics).doesNotContain(CANARY).doesNotContain(facilitatorToken).doesNotContain(memberToken)
                        .doesNotContain("kill myself");
            }
        }
    }

    @Test
    void perRoomSeries_areOffByDefault_andMetricsCanBeTurnedOff() {
        try (TestServer server = TestServer.start()) {
            try (TestClient sam = TestClient.guest(server.port(), "Sam")) {
                sam.request(q("{'type':'join','room':'lounge'}"));
                sam.request(q("{'type':'send','room':'lounge','text':'hello'}"));
            }
            assertThat(scrape(server)).doesNotContain("room=\"lounge\"");
        }
        try (TestServer server = TestServer.start(TestServer.config(200).withMetrics(new MetricsSettings(false, false)))) {
            assertThat(Http.get(server.port(), "/metrics", null).status()).isEqualTo(404);
        }
    }
}
