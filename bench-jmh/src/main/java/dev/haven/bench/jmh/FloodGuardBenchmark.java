package dev.haven.bench.jmh;

import dev.haven.server.config.LimitSettings;
import dev.haven.server.limits.FloodGuard;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-connection rate limits on every frame: {@link FloodGuard} as the connection handler
 * calls it for a {@code send} (the frame budget, then the send budget), on the clock the server
 * uses ({@code System.nanoTime}). The limits are high enough that every frame passes, as nearly
 * every frame does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FloodGuardBenchmark {
    private FloodGuard guard;

    @Setup
    public void setUp() {
        LimitSettings limits = Fixtures.defaults().limits();
        guard = new FloodGuard(new LimitSettings(limits.maxTextChars(), limits.maxFrameBytes(), 100_000, 100_000,
                100_000, 100_000, limits.floodRefusals()), System::nanoTime);
    }

    @Benchmark
    public Object floodGuardForOneSend() {
        FloodGuard.Verdict frame = guard.onFrame();
        return frame instanceof FloodGuard.Allow ? guard.onSend() : frame;
    }
}
