package dev.haven.server.transport;

import dev.haven.server.room.RoomExecutor;
import dev.haven.server.room.RoomTimers;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Binds a room to one Netty event loop: its tasks and its timers run on that loop's thread.
 *
 * @param timers where timers wait, or null for the loop's own scheduler
 */
record EventLoopRoomExecutor(EventExecutor loop, RoomTimers timers) implements RoomExecutor {
    EventLoopRoomExecutor(EventExecutor loop) {
        this(loop, null);
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        if (timers != null) {
            return timers.schedule(loop, task, delay);
        }
        ScheduledFuture<?> future = loop.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
