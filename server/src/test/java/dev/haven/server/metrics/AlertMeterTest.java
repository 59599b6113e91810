package dev.haven.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AlertMeterTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AlertMeter meter = new AlertMeter(registry);

    private double gauge(String name, String tier) {
        return registry.get(name).tag("tier", tier).gauge().value();
    }

    @Test
    void openAndUnacknowledged_followTheAlertThroughRaiseAckAndClose() {
        meter.opened(AlertKind.CRISIS, CrisisTier.CONCERN);
        meter.opened(AlertKind.REQUEST_FACILITATOR, null);
        assertThat(gauge("haven.crisis.alerts.open", "concern")).isEqualTo(1);
        assertThat(gauge("haven.crisis.alerts.unacknowledged", "request")).isEqualTo(1);

        meter.tierRaised(CrisisTier.CONCERN, CrisisTier.HIGH, false);
        assertThat(gauge("haven.crisis.alerts.open", "concern")).isZero();
        assertThat(gauge("haven.crisis.alerts.unacknowledged", "high")).isEqualTo(1);

        meter.acknowledged(AlertKind.CRISIS, CrisisTier.HIGH, 42_000);
        assertThat(gauge("haven.crisis.alerts.unacknowledged", "high")).isZero();
        assertThat(gauge("haven.crisis.alerts.open", "high")).as("reaching out keeps it open").isEqualTo(1);
        assertThat(registry.get("haven.alert.ack").timer().count()).isEqualTo(1);

        meter.closed(AlertKind.CRISIS, CrisisTier.HIGH, true);
        meter.closed(AlertKind.REQUEST_FACILITATOR, null, false);
        for (String tier : new String[] {"high", "concern", "request"}) {
            assertThat(gauge("haven.crisis.alerts.open", tier)).isZero();
            assertThat(gauge("haven.crisis.alerts.unacknowledged", tier)).isZero();
        }
        assertThat(registry.get("haven.crisis.alerts").tag("tier", "concern").counter().count()).isEqualTo(1);
    }

    @Test
    void raisingAnAcknowledgedAlert_leavesTheUnacknowledgedCountAlone() {
        meter.opened(AlertKind.CRISIS, CrisisTier.CONCERN);
        meter.acknowledged(AlertKind.CRISIS, CrisisTier.CONCERN, 1_000);
        meter.tierRaised(CrisisTier.CONCERN, CrisisTier.HIGH, true);
        assertThat(gauge("haven.crisis.alerts.unacknowledged", "high")).isZero();
        assertThat(gauge("haven.crisis.alerts.unacknowledged", "concern")).isZero();
        assertThat(gauge("haven.crisis.alerts.open", "high")).isEqualTo(1);
    }
}
