package dev.haven.server.sessions;

import java.time.Duration;

/** Runs a task on the room's own thread after a delay; a room's executor is one. */
@FunctionalInterface
public interface Timers {
    /** @return cancels the task if it has not run yet */
    Runnable schedule(Runnable task, Duration delay);
}
