package dev.haven.server.transport;

import dev.haven.server.room.RoomExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Binds a room to one Netty event loop: its tasks and its timers run on that loop's thread. */
record EventLoopRoomExecutor(EventExecutor loop) implements RoomExecutor {
    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = loop.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
