package dev.haven.server.metrics;

import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.server.care.AlertObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Duty-of-care alerts by tier: {@code high} and {@code concern} for crisis alerts, {@code request}
 * for a member's request for a facilitator. Opened, open now, time to the first acknowledgement,
 * escalations to the supervisors.
 */
public final class AlertMeter implements AlertObserver {
    static final String REQUEST = "request";
    static final Duration[] ACK_BUCKETS = {
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
        Duration.ofSeconds(180), Duration.ofSeconds(300), Duration.ofSeconds(600), Duration.ofSeconds(1800),
        Duration.ofSeconds(3600),
    };
    private static final String[] TIERS = {"high", "concern", REQUEST};

    private final Map<String, Counter> opened;
    private final Map<String, AtomicInteger> open;
    private final Map<String, AtomicInteger> unacknowledged;
    private final Timer ack;
    private final Counter escalations;

    AlertMeter(MeterRegistry registry) {
        Map<String, Counter> openedByTier = new java.util.HashMap<>();
        Map<String, AtomicInteger> openByTier = new java.util.HashMap<>();
        Map<String, AtomicInteger> waitingByTier = new java.util.HashMap<>();
        for (String tier : TIERS) {
            openedByTier.put(tier, Counter.builder("haven.crisis.alerts")
                    .description("Duty-of-care alerts opened (tier request: a member asked for a facilitator)")
                    .tag("tier", tier).register(registry));
            AtomicInteger count = new AtomicInteger();
            openByTier.put(tier, count);
            Gauge.builder("haven.crisis.alerts.open", count, AtomicInteger::get)
                    .description("Duty-of-care alerts open now")
                    .tag("tier", tier).register(registry);
            AtomicInteger waiting = new AtomicInteger();
            waitingByTier.put(tier, waiting);
            Gauge.builder("haven.crisis.alerts.unacknowledged", waiting, AtomicInteger::get)
                    .description("Duty-of-care alerts open that nobody has acknowledged yet")
                    .tag("tier", tier).register(registry);
        }
        this.opened = Map.copyOf(openedByTier);
        this.open = Map.copyOf(openByTier);
        this.unacknowledged = Map.copyOf(waitingByTier);
        this.ack = Timer.builder("haven.alert.ack")
                .description("From an alert opening to its first acknowledgement")
                .serviceLevelObjectives(ACK_BUCKETS)
                .register(registry);
        this.escalations = Counter.builder("haven.alert.escalations")
                .description("Alerts escalated to the supervisors").register(registry);
    }

    static String tier(AlertKind kind, CrisisTier tier) {
        return kind == AlertKind.REQUEST_FACILITATOR || tier == null ? REQUEST : tier.wireName();
    }

    @Override
    public void opened(AlertKind kind, CrisisTier tier) {
        String label = tier(kind, tier);
        opened.get(label).increment();
        open.get(label).incrementAndGet();
        unacknowledged.get(label).incrementAndGet();
    }

    @Override
    public void tierRaised(CrisisTier from, CrisisTier to, boolean acknowledged) {
        open.get(from.wireName()).decrementAndGet();
        open.get(to.wireName()).incrementAndGet();
        if (!acknowledged) {
            unacknowledged.get(from.wireName()).decrementAndGet();
            unacknowledged.get(to.wireName()).incrementAndGet();
        }
    }

    @Override
    public void acknowledged(AlertKind kind, CrisisTier tier, long ageMillis) {
        ack.record(Math.max(0, ageMillis), TimeUnit.MILLISECONDS);
        unacknowledged.get(tier(kind, tier)).decrementAndGet();
    }

    @Override
    public void closed(AlertKind kind, CrisisTier tier, boolean acknowledged) {
        open.get(tier(kind, tier)).decrementAndGet();
        if (!acknowledged) {
            unacknowledged.get(tier(kind, tier)).decrementAndGet();
        }
    }

    @Override
    public void escalated(Escalation escalation) {
        escalations.increment();
    }

    /** Open again after a restart: open now, not opened again. */
    @Override
    public void restored(AlertKind kind, CrisisTier tier, boolean acknowledged) {
        open.get(tier(kind, tier)).incrementAndGet();
        if (!acknowledged) {
            unacknowledged.get(tier(kind, tier)).incrementAndGet();
        }
    }
}
