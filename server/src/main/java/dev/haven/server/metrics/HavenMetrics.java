package dev.haven.server.metrics;

import dev.haven.server.config.MetricsSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

/**
 * One server's meters: the registry {@code /metrics} writes out, and the observers the rooms,
 * the duty of care and the transport report to. Thread-safe.
 */
public final class HavenMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final MessageMeter messages;
    private final AlertMeter alerts;
    private final ConnectionMeter connections;
    private final JvmGcMetrics gc;
    private final AtomicReference<IntSupplier> checkinsOpen = new AtomicReference<>(() -> 0);

    public HavenMetrics(MetricsSettings settings) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // The default pause detector may start a thread and sample on every timer record; Haven's
        // timers measure its own work, not the JVM's pauses.
        registry.config().pauseDetector(new NoPauseDetector());
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.messages = new MessageMeter(registry, settings.perRoom());
        this.alerts = new AlertMeter(registry);
        this.connections = new ConnectionMeter(registry);
        Gauge.builder("haven.checkins.open", checkinsOpen, s -> s.get().getAsInt())
                .description("Private check-ins open now")
                .strongReference(true)
                .register(registry);
    }

    /** What the server counts in its rooms and connections, read when {@code /metrics} is scraped. */
    public interface ServerGauges {
        int connections();

        int rooms();

        /** Members present in every room together (facilitators not counted). */
        int roomMembers();
    }

    /** Registers the gauges that read the running server. */
    public void bindServer(ServerGauges server) {
        gauge("haven.connections", "WebSocket connections open now", server, ServerGauges::connections);
        gauge("haven.rooms", "Rooms in the directory", server, ServerGauges::rooms);
        gauge("haven.room.members", "Members present in all rooms (facilitators not counted)", server,
                ServerGauges::roomMembers);
    }

    /** The number of open check-ins, for {@code haven_checkins_open}; 0 until the check-ins feature reports it. */
    public void checkinsOpen(IntSupplier open) {
        checkinsOpen.set(open);
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        // Micrometer holds a gauge's object weakly unless told otherwise: the server's view must stay.
        Gauge.builder(name, source, value).description(description).strongReference(true).register(registry);
    }

    /** The registry, for meters that belong to the transport (Netty's direct memory). */
    public MeterRegistry registry() {
        return registry;
    }

    public MessageMeter messages() {
        return messages;
    }

    public AlertMeter alerts() {
        return alerts;
    }

    public ConnectionMeter connections() {
        return connections;
    }

    /** Every meter in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
