package dev.haven.server.transport;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The heartbeat of one event loop's connections: one timer, every sixteenth of the heartbeat
 * period, that looks at each connection's last read ({@link HeartbeatHandler#check}). The
 * connections are an intrusive list (two fields in each handler), so joining and leaving cost
 * no allocation. The timer runs while the loop has connections. Used on its loop only.
 */
final class HeartbeatSweep {
    private static final int STEPS_PER_PERIOD = 16;

    private final EventExecutor loop;
    private final long stepNanos;
    private final Runnable sweepTask = this::sweep;
    private HeartbeatHandler first;
    private boolean timerSet;

    HeartbeatSweep(EventExecutor loop, long periodNanos) {
        this.loop = loop;
        this.stepNanos = Math.max(1, periodNanos / STEPS_PER_PERIOD);
    }

    void add(HeartbeatHandler handler) {
        handler.previous = null;
        handler.next = first;
        if (first != null) {
            first.previous = handler;
        }
        first = handler;
        if (!timerSet) {
            timerSet = schedule();
        }
    }

    void remove(HeartbeatHandler handler) {
        if (handler.previous != null) {
            handler.previous.next = handler.next;
        } else if (first == handler) {
            first = handler.next;
        }
        if (handler.next != null) {
            handler.next.previous = handler.previous;
        }
        handler.previous = null;
        handler.next = null;
    }

    private void sweep() {
        long now = loop.ticker().nanoTime();
        HeartbeatHandler handler = first;
        while (handler != null) {
            // A check may close the connection and take it out of the list: read the next one first.
            HeartbeatHandler next = handler.next;
            handler.check(now);
            handler = next;
        }
        timerSet = first != null && schedule();
    }

    /** Sets the next look; false when the loop is shutting down and takes no more tasks. */
    private boolean schedule() {
        try {
            loop.schedule(sweepTask, stepNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }
}
