package dev.haven.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler a {@link ReconnectingClient} makes for itself when given none: one daemon
 * thread, so a forgotten client never keeps the JVM alive. A task that throws is logged and
 * the next one runs; tasks given after {@link #shutdown} are dropped, as the client has ended.
 */
final class DaemonScheduler implements ClientScheduler {
    private static final System.Logger log = System.getLogger(ReconnectingClient.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    DaemonScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException shutDown) {
            // The client has ended.
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException shutDown) {
            return () -> { };
        }
    }

    /** Lets the tasks already given run, then ends the thread. */
    void shutdown() {
        executor.shutdown();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "a client task failed", e);
            }
        };
    }
}
