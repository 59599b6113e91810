package dev.haven.server.room;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Where a room's timers wait before their task goes to the room's thread. The server uses
 * each event loop's own scheduler; a test can hold the timers until it moves a manual clock.
 */
public interface RoomTimers {
    /**
     * Hands {@code task} to {@code roomThread} after {@code delay}.
     *
     * @return cancels the task if it has not been handed over yet
     */
    Runnable schedule(Executor roomThread, Runnable task, Duration delay);
}
