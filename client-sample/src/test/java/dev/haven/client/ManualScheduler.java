package dev.haven.client;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link ClientScheduler} whose time moves only when a test says so: {@link #runReady} runs
 * what is due now, {@link #advance} moves the time on, running each task when its time comes.
 * Tasks run on the test's thread, in time order, and in the order given at equal times.
 */
final class ManualScheduler implements ClientScheduler {
    private record Task(long due, long order, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due() != b.due()
            ? Long.compare(a.due(), b.due()) : Long.compare(a.order(), b.order()));
    private long nowMillis;
    private long given;

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(new Task(nowMillis, given++, task, new boolean[1]));
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task entry = new Task(nowMillis + delay.toMillis(), given++, task, new boolean[1]);
        tasks.add(entry);
        return () -> entry.cancelled()[0] = true;
    }

    /** Runs every task due now, also those they give for now. */
    void runReady() {
        for (Task next = nextDue(nowMillis); next != null; next = nextDue(nowMillis)) {
            next.run().run();
        }
    }

    /** Moves the time on by {@code duration}, running each task when its time comes. */
    void advance(Duration duration) {
        long until = nowMillis + duration.toMillis();
        runReady();
        for (Task next = nextDue(until); next != null; next = nextDue(until)) {
            synchronized (this) {
                nowMillis = Math.max(nowMillis, next.due());
            }
            next.run().run();
            runReady();
        }
        synchronized (this) {
            nowMillis = until;
        }
    }

    /** Whether a task not cancelled waits for a later time. */
    synchronized boolean hasTimers() {
        return tasks.stream().anyMatch(t -> !t.cancelled()[0]);
    }

    private synchronized Task nextDue(long until) {
        while (!tasks.isEmpty() && tasks.peek().due() <= until) {
            Task task = tasks.poll();
            if (!task.cancelled()[0]) {
                return task;
            }
        }
        return null;
    }
}
