package dev.haven.server.metrics;

import dev.haven.server.room.RoomObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Accepted messages, their deliveries, and the time from a {@code send} reaching its room to the
 * message being handed to every connection there. On the message path: counters are
 * {@code LongAdder}s, the histogram a fixed array of atomic buckets; no lock is taken (see
 * docs/performance.md for the benchmark).
 */
public final class MessageMeter implements RoomObserver {
    /** Bucket bounds of {@code haven_send_to_fanout_seconds}, from half a millisecond to two seconds. */
    static final Duration[] FANOUT_BUCKETS = {
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
    };

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter deliveries;
    private final Timer fanout;
    /** Per-room series, only with {@code metrics.perRoom}; null otherwise. */
    private final Map<String, Counter> perRoom;

    MessageMeter(MeterRegistry registry, boolean perRoomSeries) {
        this.registry = registry;
        this.accepted = Counter.builder("haven.messages.accepted")
                .description("Messages accepted into a room").register(registry);
        this.deliveries = Counter.builder("haven.deliveries")
                .description("Messages handed to a connection (one per recipient connection)").register(registry);
        this.fanout = Timer.builder("haven.send.to.fanout")
                .description("From a send reaching its room to the message handed to every connection in it")
                .serviceLevelObjectives(FANOUT_BUCKETS)
                .register(registry);
        this.perRoom = perRoomSeries ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public void messageAccepted(String room, long receivedNanos, int deliveryCount) {
        accepted.increment();
        deliveries.increment(deliveryCount);
        fanout.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
        if (perRoom != null) {
            perRoom.computeIfAbsent(room, id -> Counter.builder("haven.room.messages.accepted")
                    .description("Messages accepted, per room (metrics.perRoom)")
                    .tag("room", id).register(registry)).increment();
        }
    }
}
