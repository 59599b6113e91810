package dev.haven.server.transport;

import io.netty.util.internal.PlatformDependent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one event loop that have something to write, drained by one task.
 *
 * <p>A room's fan-out hands an event to each member's connection, and the members of a room
 * sit on every event loop. Each connection used to submit a drain task of its own to its loop:
 * a loop sleeping in {@code select} was woken (an eventfd write, a context switch), drained
 * one connection and often went back to sleep before the room had handed over the next one,
 * so a message to ten members cost about as many wake-ups as recipients on other loops. Here a
 * connection with a new item joins its loop's queue of connections to drain, and only the
 * first one since the last drain submits the task; with {@link WakeBatch} that task is
 * submitted once the room's task is over, so each other loop is woken at most once per room
 * task, whatever the number of its recipients.
 *
 * <p>Safety: a connection joins the queue only when its own "drain scheduled" flag goes from
 * false to true, so it is queued at most once at a time. The task clears its "scheduled" flag
 * before it polls: a connection queued while a drain runs is either seen by that drain or
 * submits the next one. Thread-safe; {@link #run} runs on the loop alone.
 */
final class LoopDrain implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(LoopDrain.class);
    /** Connections drained per run before the rest waits for another turn of the loop. */
    private static final int MAX_PER_RUN = 4096;
    private static final VarHandle SCHEDULED;

    static {
        try {
            SCHEDULED = MethodHandles.lookup().findVarHandle(LoopDrain.class, "scheduled", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Executor loop;
    private final Queue<NettyConnection> ready = PlatformDependent.newMpscQueue();
    private volatile boolean scheduled;

    /** @param loop the event loop of the connections drained here */
    LoopDrain(Executor loop) {
        this.loop = loop;
    }

    /** Queues a connection whose drain flag was just set; the drain is submitted now or at the end of the batch. */
    void add(NettyConnection connection) {
        ready.offer(connection);
        WakeBatch.kick(this);
    }

    /** Submits the drain task unless it is already waiting to run. */
    void kick() {
        if (SCHEDULED.compareAndSet(this, false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException stopping) {
                // The server is stopping and the loop is gone: drop what is queued.
                NettyConnection connection;
                while ((connection = ready.poll()) != null) {
                    connection.dropQueued();
                }
            }
        }
    }

    @Override
    public void run() {
        scheduled = false;
        NettyConnection connection;
        int drained = 0;
        while ((connection = ready.poll()) != null) {
            try {
                connection.drainOutbound();
            } catch (RuntimeException e) {
                // One connection's failure must not leave the others queued behind it undrained.
                log.warn("drain failed remote={}", connection.remoteAddress(), e);
            }
            if (++drained == MAX_PER_RUN) {
                kick();
                return;
            }
        }
    }
}
