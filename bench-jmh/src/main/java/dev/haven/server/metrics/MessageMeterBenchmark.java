package dev.haven.server.metrics;

import dev.haven.server.config.MetricsSettings;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the metrics cost each accepted message: {@link MessageMeter#messageAccepted} (two
 * counters and the fan-out histogram) as every room's executor calls it, from two threads at
 * once, the rooms of a two-core server on two event loops. Beside it, for scale: a bare
 * {@link LongAdder} (what Micrometer's counters are), a shared {@link AtomicLong} (a contended
 * CAS), and a {@code synchronized} counter (what a lock would cost).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageMeterBenchmark {
    private HavenMetrics metrics;
    private MessageMeter meter;
    private final LongAdder adder = new LongAdder();
    private final AtomicLong atomic = new AtomicLong();
    private long locked;

    @Setup(Level.Trial)
    public void setUp() {
        metrics = new HavenMetrics(MetricsSettings.defaults());
        meter = metrics.messages();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        metrics.close();
    }

    @Benchmark
    @Group("meter")
    @GroupThreads(2)
    public void messageAccepted() {
        meter.messageAccepted("lounge", System.nanoTime() - 250_000, 30);
    }

    /** The clock reading the meter takes once per message, alone. */
    @Benchmark
    @Group("nanoTime")
    @GroupThreads(2)
    public long nanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    @Group("longAdder")
    @GroupThreads(2)
    public void longAdder() {
        adder.increment();
    }

    @Benchmark
    @Group("atomicLong")
    @GroupThreads(2)
    public long atomicLong() {
        return atomic.incrementAndGet();
    }

    @Benchmark
    @Group("synchronizedCounter")
    @GroupThreads(2)
    public long synchronizedCounter() {
        synchronized (this) {
            return ++locked;
        }
    }
}
