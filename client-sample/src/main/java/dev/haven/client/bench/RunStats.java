package dev.haven.client.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What every connection of a run reports into. Written by the client's event-loop threads and
 * read by the thread that drives the run, so everything here is thread-safe without a lock:
 * striped counters, and one HdrHistogram {@link Recorder} (wait-free for writers) per phase.
 *
 * <p>Time is counted in nanoseconds since the run began ({@link #now()}), so stamps are small
 * positive numbers; every connection lives in this one process, so its clock is shared.
 */
final class RunStats {
    /** Phase 0 is the warm-up; phases 1 and up are measured (one per saturate step). */
    static final int MAX_PHASES = 64;

    private final long epochNanos = System.nanoTime();
    private final LongAdder[] delivered = new LongAdder[MAX_PHASES];
    private final Recorder[] latencyMicros = new Recorder[MAX_PHASES];
    private final LongAccumulator lastDelivery = new LongAccumulator(Math::max, 0);
    private final LongAdder acks = new LongAdder();
    private final LongAdder unstamped = new LongAdder();
    private final LongAdder closedEarly = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    RunStats() {
        for (int i = 0; i < MAX_PHASES; i++) {
            delivered[i] = new LongAdder();
            latencyMicros[i] = new Recorder(3);
        }
    }

    /** Nanoseconds since the run began. */
    long now() {
        return System.nanoTime() - epochNanos;
    }

    /** A message reached one receiver. */
    void delivered(int phase, long sentNanos) {
        if (phase < 0 || phase >= MAX_PHASES || sentNanos < 0) {
            unstamped.increment();
            return;
        }
        long now = now();
        delivered[phase].increment();
        latencyMicros[phase].recordValue(Math.max(0, now - sentNanos) / 1000);
        lastDelivery.accumulate(now);
    }

    void unstamped() {
        unstamped.increment();
    }

    void acked() {
        acks.increment();
    }

    void error(String code) {
        errors.computeIfAbsent(code == null ? "unknown" : code, c -> new LongAdder()).increment();
    }

    /** A joined connection closed before the run ended it. */
    void closedEarly() {
        closedEarly.increment();
    }

    long delivered(int phase) {
        return delivered[phase].sum();
    }

    /** The latency of the phase's deliveries so far, in microseconds; resets the phase's recorder. */
    Histogram takeLatency(int phase) {
        return latencyMicros[phase].getIntervalHistogram();
    }

    long lastDeliveryNanos() {
        return lastDelivery.get();
    }

    long acks() {
        return acks.sum();
    }

    long unstampedCount() {
        return unstamped.sum();
    }

    long closedEarlyCount() {
        return closedEarly.sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errorsByCode() {
        Map<String, Long> byCode = new TreeMap<>();
        errors.forEach((code, count) -> byCode.put(code, count.sum()));
        return byCode;
    }
}
