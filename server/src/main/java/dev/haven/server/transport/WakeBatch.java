package dev.haven.server.transport;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.concurrent.RejectedExecutionException;

/**
 * Holds back the hand-offs a task makes to other event loops until the task is over, so that
 * each loop is woken once for all of them. A room's task (a message and its fan-out, a join
 * and its presence event) runs inside {@link #run}: the drains of the connections it wrote to
 * ({@link LoopDrain}) and the reply's bookkeeping on the sender's loop are submitted when it
 * returns, in the order they were first asked for. Outside a batch, nothing waits. One per
 * thread; used by its thread alone.
 */
final class WakeBatch {
    private static final FastThreadLocal<WakeBatch> CURRENT = new FastThreadLocal<>() {
        @Override
        protected WakeBatch initialValue() {
            return new WakeBatch();
        }
    };

    private int depth;
    /** {@link LoopDrain}s to kick and {@link Handoff}s to submit. */
    private final ArrayList<Object> waiting = new ArrayList<>(8);

    private WakeBatch() {
    }

    /** Runs the task, then submits what it handed to other loops. */
    static void run(Runnable task) {
        WakeBatch batch = CURRENT.get();
        batch.depth++;
        try {
            task.run();
        } finally {
            if (--batch.depth == 0) {
                batch.release();
            }
        }
    }

    /** Kicks the drain now, or when the batch this thread is in ends. */
    static void kick(LoopDrain drain) {
        WakeBatch batch = CURRENT.get();
        if (batch.depth == 0) {
            drain.kick();
        } else if (!batch.waiting.contains(drain)) {
            batch.waiting.add(drain);
        }
    }

    /** Submits the task to the loop now, or when the batch this thread is in ends. */
    static void execute(EventExecutor loop, Runnable task) {
        WakeBatch batch = CURRENT.get();
        if (batch.depth == 0 || loop.inEventLoop()) {
            loop.execute(task);
        } else {
            batch.waiting.add(new Handoff(loop, task));
        }
    }

    private void release() {
        // Index by index: a kick may run nothing here, but stay safe if a hand-off adds more.
        for (int i = 0; i < waiting.size(); i++) {
            Object next = waiting.get(i);
            if (next instanceof LoopDrain drain) {
                drain.kick();
            } else {
                Handoff handoff = (Handoff) next;
                try {
                    handoff.loop.execute(handoff.task);
                } catch (RejectedExecutionException stopping) {
                    // The server is stopping and that loop is gone; nothing waits on the task.
                }
            }
        }
        waiting.clear();
    }

    private record Handoff(EventExecutor loop, Runnable task) {
    }
}
