package dev.haven.server.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.care.AlertObserver;
import dev.haven.server.config.PagingSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts every escalation to each configured webhook: a JSON body with the alert id, the room id,
 * the kind and tier, the alert's age, the escalation step, how many supervisors on duty received
 * it, and a link to acknowledge it on the web page; never a name, a note or a word anyone wrote.
 * Each post is signed ({@link PageSigner}) and carries {@code X-Haven-Delivery}, the same on
 * every retry, so a receiver can drop duplicates. A webhook that does not answer 2xx within 10 s
 * is tried again after 1 s, 2 s, 4 s … (at most 5 min apart) on the injected scheduler, up to
 * {@code paging.maxAttempts} times; then a dead-letter line is logged (webhook by host only: a
 * webhook URL often holds a secret).
 *
 * <p><b>Threading.</b> Rooms call {@link #escalated} on their executors; it builds the body and
 * hands each post to the HTTP client's own threads, never waiting for the network. Retries run
 * on the scheduler. No state is shared between posts.
 */
public final class WebhookPager implements AlertObserver {
    private static final Logger log = LoggerFactory.getLogger(WebhookPager.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final List<URI> webhooks;
    private final int maxAttempts;
    private final PageSigner signer;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final PageScheduler scheduler;
    private final HttpClient http;
    private final ObjectMapper json = ProtocolCodec.newMapper();

    /**
     * @param publicUrl the address the web page is served at, for the acknowledge link, when
     *                  {@code paging.publicUrl} is not set
     */
    public WebhookPager(PagingSettings settings, Supplier<String> publicUrl, Clock clock, PageScheduler scheduler,
                        HttpClient http) {
        this.webhooks = settings.webhooks().stream().map(u -> URI.create(u.strip())).toList();
        this.maxAttempts = settings.maxAttempts();
        this.signer = new PageSigner(settings.secret());
        this.publicUrl = settings.publicUrl() != null ? settings::publicUrl : publicUrl;
        this.clock = clock;
        this.scheduler = scheduler;
        this.http = http;
    }

    @Override
    public void escalated(Escalation escalation) {
        if (webhooks.isEmpty()) {
            return;
        }
        byte[] body = body(escalation);
        String delivery = UUID.randomUUID().toString();
        for (URI webhook : webhooks) {
            post(webhook, body, delivery, escalation, 1);
        }
    }

    byte[] body(Escalation e) {
        ObjectNode node = json.createObjectNode()
                .put("type", "escalation")
                .put("alertId", e.alertId())
                .put("room", e.room())
                .put("kind", e.kind().wireName());
        if (e.tier() != null) {
            node.put("tier", e.tier().wireName());
        }
        node.put("step", e.step())
                .put("onDuty", e.onDuty())
                .put("openedAt", e.openedAt())
                .put("ageSeconds", Math.max(0, (e.at() - e.openedAt()) / 1000))
                .put("sentAt", clock.millis())
                .put("ackUrl", publicUrl.get() + "/#room=" + encode(e.room()) + "&alert=" + encode(e.alertId()));
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a page", ex);
        }
    }

    private void post(URI webhook, byte[] body, String delivery, Escalation e, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(PageSigner.HEADER, signer.sign(body))
                .header("X-Haven-Delivery", delivery)
                .header("X-Haven-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                log.info("page delivered alert={} room={} step={} webhook={} attempt={}", e.alertId(), e.room(),
                        e.step(), webhook.getHost(), attempt);
                return;
            }
            String outcome = failure != null ? failure.getClass().getSimpleName() : "status " + response.statusCode();
            if (attempt >= maxAttempts) {
                log.warn("page dead letter alert={} room={} step={} webhook={} attempts={} last=\"{}\"", e.alertId(),
                        e.room(), e.step(), webhook.getHost(), attempt, outcome);
                return;
            }
            Duration wait = backoff(attempt);
            log.info("page failed alert={} webhook={} attempt={} last=\"{}\" retryInMs={}", e.alertId(),
                    webhook.getHost(), attempt, outcome, wait.toMillis());
            scheduler.schedule(() -> post(webhook, body, delivery, e, attempt + 1), wait);
        });
    }

    /** 1 s after the first attempt, doubling, at most {@link #MAX_RETRY}. */
    static Duration backoff(int attempt) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
