package dev.haven.client;

import java.time.Duration;

/**
 * Where a {@link ReconnectingClient} runs its work: every task one at a time, in the order
 * given, now or after a delay. The client's state is touched by these tasks alone, so it needs
 * no locks. Tests give a scheduler whose time they advance by hand, so backoff and heartbeats
 * are tested without waiting.
 */
public interface ClientScheduler {
    /** Runs the task soon, after the tasks already given. */
    void execute(Runnable task);

    /** Runs the task after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A task scheduled for later. */
    interface Cancellable {
        /** The task will not run; does nothing once it has run. */
        void cancel();
    }
}
