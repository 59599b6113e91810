package dev.haven.server.testing;

import dev.haven.server.room.RoomExecutor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A room's one real thread, as an event loop is on a server: for tests where timing is real. */
public final class RoomThread implements RoomExecutor, AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
