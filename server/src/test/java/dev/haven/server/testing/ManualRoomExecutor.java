package dev.haven.server.testing;

import dev.haven.server.room.RoomExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;

/**
 * A room executor for tests: tasks run inline (or are held until released), and timers fire
 * only when the test advances the manual clock past them, in due order.
 */
public final class ManualRoomExecutor implements RoomExecutor {
    private record Timer(long dueAt, long order, Runnable task) {
    }

    private final ManualClock clock;
    private final List<Timer> timers = new ArrayList<>();
    private final Queue<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private long scheduled;

    public ManualRoomExecutor(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        if (holding) {
            held.add(task);
        } else {
            task.run();
        }
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        Timer timer = new Timer(clock.millis() + delay.toMillis(), scheduled++, task);
        timers.add(timer);
        return () -> timers.remove(timer);
    }

    /** Moves the clock on and runs every timer that has come due, earliest first. */
    public void advance(Duration duration) {
        long target = clock.millis() + duration.toMillis();
        while (true) {
            Timer next = timers.stream()
                    .filter(t -> t.dueAt() <= target)
                    .min(Comparator.comparingLong(Timer::dueAt).thenComparingLong(Timer::order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            clock.advance(Duration.ofMillis(Math.max(0, next.dueAt() - clock.millis())));
            next.task().run();
        }
        clock.advance(Duration.ofMillis(target - clock.millis()));
    }

    /** From now on, tasks wait in a queue until {@link #release()}, as on a busy room thread. */
    public void hold() {
        holding = true;
    }

    /** Runs the held tasks in order and stops holding. */
    public void release() {
        holding = false;
        Runnable task;
        while ((task = held.poll()) != null) {
            task.run();
        }
    }

    public int heldCount() {
        return held.size();
    }
}
