package dev.haven.server.transport;

import dev.haven.server.room.RoomExecutor;
import dev.haven.server.room.RoomTimers;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Binds a room to one Netty event loop: its tasks and its timers run on that loop's thread, each
 * as one {@link WakeBatch}, so a fan-out wakes each other loop once.
 *
 * @param timers where timers wait, or null for the loop's own scheduler
 */
record EventLoopRoomExecutor(EventExecutor loop, RoomTimers timers) implements RoomExecutor {
    EventLoopRoomExecutor(EventExecutor loop) {
        this(loop, null);
    }

    /** Runs the task on the loop; what it hands to other loops leaves when it ends ({@link WakeBatch}). */
    @Override
    public void execute(Runnable task) {
        loop.execute(() -> WakeBatch.run(task));
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        if (timers != null) {
            return timers.schedule(loop, () -> WakeBatch.run(task), delay);
        }
        ScheduledFuture<?> future = loop.schedule(() -> WakeBatch.run(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
