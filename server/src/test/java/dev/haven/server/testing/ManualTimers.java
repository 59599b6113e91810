package dev.haven.server.testing;

import dev.haven.server.room.RoomTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Room timers for a real server under test: a timer waits here until the test moves the
 * manual clock past it, then its task runs on its room's own thread, and {@link #advance}
 * returns only after it has run. Timers due together run in the order they were set.
 */
public final class ManualTimers implements RoomTimers {
    private record Timer(long dueAt, long order, Executor roomThread, Runnable task) {
    }

    private final ManualClock clock;
    private final List<Timer> timers = new ArrayList<>();
    private long scheduled;

    public ManualTimers(ManualClock clock) {
        this.clock = clock;
    }

    public ManualClock clock() {
        return clock;
    }

    @Override
    public synchronized Runnable schedule(Executor roomThread, Runnable task, Duration delay) {
        Timer timer = new Timer(clock.millis() + delay.toMillis(), scheduled++, roomThread, task);
        timers.add(timer);
        return () -> {
            synchronized (this) {
                timers.remove(timer);
            }
        };
    }

    /** Moves the clock on, running every timer that comes due on its room's thread, earliest first. */
    public void advance(Duration duration) {
        long target = clock.millis() + duration.toMillis();
        while (true) {
            Timer next = nextDue(target);
            if (next == null) {
                break;
            }
            clock.advance(Duration.ofMillis(Math.max(0, next.dueAt() - clock.millis())));
            CompletableFuture.runAsync(next.task(), next.roomThread())
                    .orTimeout(TestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }
        clock.advance(Duration.ofMillis(Math.max(0, target - clock.millis())));
    }

    /** How many timers wait. */
    public synchronized int pending() {
        return timers.size();
    }

    private synchronized Timer nextDue(long target) {
        Timer next = timers.stream()
                .filter(t -> t.dueAt() <= target)
                .min(Comparator.comparingLong(Timer::dueAt).thenComparingLong(Timer::order))
                .orElse(null);
        if (next != null) {
            timers.remove(next);
        }
        return next;
    }
}
