package dev.haven.server.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.server.care.AlertObserver.Escalation;
import dev.haven.server.config.PagingSettings;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WebhookPagerTest {
    private static final String SECRET = "paging-secret-paging-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Escalation ESCALATION = new Escalation("anxiety-circle", "alert-7", AlertKind.CRISIS,
            CrisisTier.HIGH, NOW.toEpochMilli() - 125_000, NOW.toEpochMilli(), "unacknowledged", 0);

    /** Retries wait here until the test runs them. */
    private record Waiting(Runnable task, Duration delay) {
    }

    private final ConcurrentLinkedQueue<Waiting> retries = new ConcurrentLinkedQueue<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger pagerLog = (Logger) LoggerFactory.getLogger(WebhookPager.class);
    private WebhookReceiver receiver;

    private WebhookPager pager(int maxAttempts) {
        log.start();
        pagerLog.addAppender(log);
        pagerLog.setLevel(Level.INFO);
        return new WebhookPager(new PagingSettings(List.of(receiver.url()), SECRET, maxAttempts, null),
                () -> "http://127.0.0.1:8080", Clock.fixed(NOW, ZoneOffset.UTC),
                (task, delay) -> retries.add(new Waiting(task, delay)), HttpClient.newHttpClient());
    }

    @AfterEach
    void close() {
        pagerLog.detachAppender(log);
        pagerLog.setLevel(null);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void escalated_postsASignedBody_withNoNameOrText_andALinkToAcknowledge() throws Exception {
        receiver = new WebhookReceiver(n -> 204);
        pager(3).escalated(ESCALATION);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received page = receiver.received().get(0);
        JsonNode body = new ObjectMapper().readTree(page.body());
        assertThat(body.path("type").asText()).isEqualTo("escalation");
        assertThat(body.path("alertId").asText()).isEqualTo("alert-7");
        assertThat(body.path("room").asText()).isEqualTo("anxiety-circle");
        assertThat(body.path("tier").asText()).isEqualTo("high");
        assertThat(body.path("step").asText()).isEqualTo("unacknowledged");
        assertThat(body.path("ageSeconds").asLong()).isEqualTo(125);
        assertThat(body.path("onDuty").asInt()).isZero();
        assertThat(body.path("ackUrl").asText()).isEqualTo("http://127.0.0.1:8080/#room=anxiety-circle&alert=alert-7");
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "alertId", "room", "kind", "tier",
                "step", "onDuty", "openedAt", "ageSeconds", "sentAt", "ackUrl");
        assertThat(page.header(PageSigner.HEADER))
                .isEqualTo(new PageSigner(SECRET).sign(page.body().getBytes(StandardCharsets.UTF_8)))
                .startsWith("sha256=");
        assertThat(page.header("X-Haven-Attempt")).isEqualTo("1");
        assertThat(retries).isEmpty();
    }

    @Test
    void failedPost_isRetriedWithBackoff_withTheSameDeliveryId() {
        receiver = new WebhookReceiver(n -> n == 1 ? 500 : 200);
        pager(3).escalated(ESCALATION);

        await().atMost(Duration.ofSeconds(10)).until(() -> !retries.isEmpty());
        Waiting retry = retries.poll();
        assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(1));
        retry.task().run();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
        List<WebhookReceiver.Received> posts = receiver.received();
        assertThat(posts.get(1).header("X-Haven-Attempt")).isEqualTo("2");
        assertThat(posts.get(1).header("X-Haven-Delivery")).isEqualTo(posts.get(0).header("X-Haven-Delivery"));
        await().atMost(Duration.ofSeconds(10)).until(() -> log.list.stream()
                .anyMatch(e -> e.getFormattedMessage().startsWith("page delivered")));
        assertThat(retries).isEmpty();
    }

    @Test
    void webhookThatNeverAnswers2xx_isGivenUpAfterMaxAttempts_withADeadLetterLine() {
        receiver = new WebhookReceiver(n -> 503);
        pager(3).escalated(ESCALATION);
        for (Duration expected : List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !retries.isEmpty());
            Waiting retry = retries.poll();
            assertThat(retry.delay()).isEqualTo(expected);
            retry.task().run();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> log.list.stream()
                .anyMatch(e -> e.getFormattedMessage().startsWith("page dead letter")));
        String deadLetter = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("page dead letter")).findFirst().orElseThrow();
        assertThat(deadLetter).contains("alert=alert-7").contains("attempts=3").contains("webhook=127.0.0.1")
                .doesNotContain("/hook");
        assertThat(receiver.received()).hasSize(3);
        assertThat(retries).isEmpty();
    }

    @Test
    void backoff_doublesUpToFiveMinutes() {
        assertThat(WebhookPager.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(WebhookPager.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(WebhookPager.backoff(12)).isEqualTo(Duration.ofMinutes(5));
    }
}
