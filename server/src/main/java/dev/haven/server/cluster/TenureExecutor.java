package dev.haven.server.cluster;

import dev.haven.server.room.RoomExecutor;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A room's executor for one tenure of this node as its owner: the room's tasks and timers run on
 * the room's thread only while the tenure lasts. A task that finds the lease no longer valid by
 * this node's clock does not run, and says so ({@code expired}); once the tenure {@linkplain #end
 * ended}, nothing of it runs any more. So a room that lost its lease stops acting (replying,
 * delivering, firing timers) before another node can have taken it, and a timer is fired by one
 * node at most.
 */
final class TenureExecutor implements RoomExecutor {
    private final RoomExecutor thread;
    private final BooleanSupplier valid;
    private final Runnable expired;
    private volatile boolean ended;

    /**
     * @param valid   whether the lease still holds, by this node's clock
     * @param expired told, on the room's thread, when a task found the lease no longer valid
     */
    TenureExecutor(RoomExecutor thread, BooleanSupplier valid, Runnable expired) {
        this.thread = thread;
        this.valid = valid;
        this.expired = expired;
    }

    @Override
    public void execute(Runnable task) {
        thread.execute(() -> run(task));
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        return thread.schedule(() -> run(task), delay);
    }

    /** Runs {@code last} on the room's thread, then nothing more of this tenure. */
    void endAfter(Runnable last) {
        try {
            thread.execute(() -> {
                ended = true;
                last.run();
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            ended = true;
            last.run();
        }
    }

    /** Nothing more of this tenure runs, from now. */
    void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    private void run(Runnable task) {
        if (ended) {
            return;
        }
        if (!valid.getAsBoolean()) {
            ended = true;
            expired.run();
            return;
        }
        task.run();
    }
}
