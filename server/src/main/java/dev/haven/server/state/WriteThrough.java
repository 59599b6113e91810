package dev.haven.server.state;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one room's durable state in its {@link RoomStateStore} as it changes, and never makes
 * the room's thread wait for I/O.
 *
 * <p><b>Coalesced.</b> The room names each part that changed ({@link #changed}). The first
 * change queues one flush task on the room's thread, behind the task that runs now, so all the
 * changes of that task, and of the tasks already queued, go in one write. The flush encodes
 * the parts named, as they are then, leaves out those the store already holds byte for byte,
 * and hands the rest to the store, which writes on a thread of its own (the state directory's)
 * or in Redis; its completion comes back as a task on the room's thread. One write per room is
 * in flight at a time: changes made meanwhile wait, as part names, for the next one. So what
 * waits for a room is bounded by its number of parts, whatever the rate of changes.
 *
 * <p><b>Acknowledged after the write.</b> {@link #whenKept} runs its callback once every change
 * made before the call is in the store, or its other callback if the write that carried them
 * failed: the room sends a facilitator's {@code ok} that way, so a ban acknowledged is a ban
 * kept, on disk (forced) or in Redis, and a crash right after cannot lose it.
 *
 * <p><b>Failures.</b> A failed write is logged (the room, the part names, the attempt, the
 * error; never a value, so never what anyone wrote or was called) and retried after 0.2 s,
 * doubling to 5 s, with the parts as they are by then; {@link StateWrites} shows the room until
 * a write succeeds. A write refused by its fence (this node no longer owns the room) fails the
 * same way until whoever took the room from this node calls {@link #stop}.
 *
 * <p><b>Threading.</b> Every method runs on the room's thread, and so does every callback.
 */
public final class WriteThrough {
    private static final Logger log = LoggerFactory.getLogger(WriteThrough.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(200);
    public static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** While a store keeps failing, one log line in this many attempts (about one a minute). */
    private static final int LOG_EVERY = 12;

    /** Runs a task on the room's thread after a delay; returns what cancels it. */
    @FunctionalInterface
    public interface Timers {
        Runnable schedule(Runnable task, Duration delay);
    }

    /** The named parts of the room's state as they are now, encoded; an empty value for a part the room no longer has. */
    @FunctionalInterface
    public interface Parts {
        Map<String, byte[]> encode(Set<String> names);
    }

    private record Waiter(long change, Runnable kept, Consumer<Throwable> failed) {
    }

    private final RoomStateStore store;
    private final Fence fence;
    private final Executor roomThread;
    private final Timers timers;
    private final StateWrites health;
    private final Parts parts;
    /** The parts as the store holds them. */
    private final Map<String, byte[]> stored;
    private final Set<String> dirty = new TreeSet<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** How many changes were named; the store holds every change up to {@link #keptThrough}. */
    private long changes;
    private long keptThrough;
    private boolean flushQueued;
    private boolean writing;
    private boolean stopped;
    private Runnable retry;
    private int failures;

    /**
     * @param stored what the store holds for the room now (what was loaded from it)
     */
    public WriteThrough(RoomStateStore store, Fence fence, Map<String, byte[]> stored, Executor roomThread,
                        Timers timers, StateWrites health, Parts parts) {
        this.store = store;
        this.fence = fence;
        this.stored = new HashMap<>(stored);
        this.roomThread = roomThread;
        this.timers = timers;
        this.health = health;
        this.parts = parts;
    }

    /** The part changed: it goes to the store with the next write. */
    public void changed(String part) {
        if (stopped) {
            return;
        }
        dirty.add(part);
        changes++;
        queueFlush();
    }

    /** The names of the parts the store holds now. */
    public Set<String> storedParts() {
        return Set.copyOf(stored.keySet());
    }

    /** Whether every change named so far is in the store. */
    public boolean settled() {
        return keptThrough == changes;
    }

    /**
     * Runs {@code kept} once every change named so far is in the store (now, if it is), or
     * {@code failed} if the write that carried them failed or writing stopped first, or at once
     * while the store is failing (the room waits to retry): nobody waits out a retry's delay.
     */
    public void whenKept(Runnable kept, Consumer<Throwable> failed) {
        if (settled()) {
            kept.run();
        } else if (stopped) {
            failed.accept(new IllegalStateException("the room's state is no longer written here"));
        } else if (retry != null) {
            failed.accept(new IllegalStateException("the room's store failed; the room retries"));
        } else {
            waiters.add(new Waiter(changes, kept, failed));
        }
    }

    /** Writes what waits now, without waiting for a retry's delay (the server stops). */
    public void flushNow() {
        if (retry != null) {
            retry.run();
            retry = null;
        }
        queueFlush();
    }

    /**
     * Stops writing: this node no longer keeps the room (another owns it, or it was archived).
     * Changes not yet kept are dropped here; whoever waited for them hears that they failed.
     */
    public void stop() {
        stopped = true;
        dirty.clear();
        if (retry != null) {
            retry.run();
            retry = null;
        }
        health.kept(fence.room());
        IllegalStateException stop = new IllegalStateException("the room's state is no longer written here");
        while (!waiters.isEmpty()) {
            waiters.pollFirst().failed().accept(stop);
        }
    }

    private void queueFlush() {
        if (flushQueued || writing || retry != null || stopped) {
            return;
        }
        flushQueued = true;
        onRoomThread(this::flush);
    }

    private void flush() {
        flushQueued = false;
        if (writing || retry != null || stopped) {
            return;
        }
        long through = changes;
        Set<String> names = Set.copyOf(dirty);
        dirty.clear();
        Map<String, byte[]> write = new TreeMap<>();
        try {
            parts.encode(names).forEach((name, value) -> {
                byte[] held = stored.get(name);
                if (held == null ? value.length > 0 : !Arrays.equals(held, value)) {
                    write.put(name, value);
                }
            });
        } catch (RuntimeException e) {
            failed(names, through, e);
            return;
        }
        if (write.isEmpty()) {
            kept(through);
            return;
        }
        writing = true;
        try {
            store.write(fence, write).whenComplete((done, error) -> onRoomThread(() -> written(write, through, error)));
        } catch (RuntimeException e) {
            writing = false;
            failed(names, through, e);
        }
    }

    private void written(Map<String, byte[]> write, long through, Throwable error) {
        writing = false;
        if (stopped) {
            return;
        }
        if (error == null) {
            write.forEach((name, value) -> {
                if (value.length == 0) {
                    stored.remove(name);
                } else {
                    stored.put(name, value);
                }
            });
            if (failures > 0) {
                log.info("room state kept again room={} after {} failed writes", fence.room(), failures);
                failures = 0;
                health.kept(fence.room());
            }
            kept(through);
            if (!dirty.isEmpty()) {
                queueFlush();
            }
            return;
        }
        failed(write.keySet(), through, error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error);
    }

    private void failed(Set<String> names, long through, Throwable error) {
        failures++;
        dirty.addAll(names);
        health.failed(fence.room());
        if (failures == 1 || failures % LOG_EVERY == 0) {
            // The error's message names a file or Redis, never a value: part values are never logged.
            log.warn("room state not kept room={} parts={} attempt={} error={}: {}", fence.room(), names, failures,
                    error.getClass().getSimpleName(), error.getMessage());
        }
        while (!waiters.isEmpty() && waiters.peekFirst().change() <= through) {
            waiters.pollFirst().failed().accept(error);
        }
        long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures - 1, 8));
        retry = timers.schedule(() -> {
            retry = null;
            queueFlush();
        }, Duration.ofMillis(delay));
    }

    private void kept(long through) {
        keptThrough = Math.max(keptThrough, through);
        while (!waiters.isEmpty() && waiters.peekFirst().change() <= keptThrough) {
            waiters.pollFirst().kept().run();
        }
    }

    private void onRoomThread(Runnable task) {
        try {
            roomThread.execute(task);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping; its last flush has run or will not.
        }
    }
}
