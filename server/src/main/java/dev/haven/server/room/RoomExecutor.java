package dev.haven.server.room;

import java.time.Duration;
import java.util.concurrent.Executor;

/** The one thread a room's tasks run on, with timers on the same thread. */
public interface RoomExecutor extends Executor {
    /**
     * Runs the task on this executor after the delay.
     *
     * @return cancels the task if it has not run yet
     */
    Runnable schedule(Runnable task, Duration delay);
}
