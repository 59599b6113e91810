package dev.haven.server.room;

import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.server.config.HistorySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending to a room's held history once it is full (the steady state: each append drops the
 * oldest message, then checks the age bound on the system clock), and the catch-up read of a
 * reconnecting member. {@code MessageHistory} is package-private in the server, so this one
 * benchmark lives in the server's package name ({@code dev.haven.server.room}) to reach it; the
 * others use public API only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistoryAppendBenchmark {
    @Param({"200"})
    int maxMessages;

    private MessageHistory history;
    private UserInfo from;
    private long now;
    private long seq;

    @Setup
    public void setUp() {
        history = new MessageHistory(maxMessages, HistorySettings.DEFAULT_MAX_BYTES, Duration.ofHours(24), Clock.systemUTC());
        from = new UserInfo("guest-1", "Sam", Role.MEMBER);
        now = System.currentTimeMillis();
        for (int i = 0; i < maxMessages; i++) {
            append();
        }
    }

    /** Includes making the event, which the room does for every accepted message anyway. */
    @Benchmark
    public int append() {
        history.append(new MessageEvent("room-0", ++seq, from, "a message of ordinary length", now, null));
        return history.size();
    }

    /** A member that missed the last 20 messages catches up. */
    @Benchmark
    public Object catchUpAfterLast20() {
        return history.after(seq - 20);
    }
}
