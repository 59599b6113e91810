package dev.haven.server.care.model;

import dev.haven.server.care.detect.Tier;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crisis detector's second stage: reads, with the model, every member's message the lexicon
 * did not alert on, off the rooms' threads, and reports a crisis back to whoever asked.
 *
 * <p><b>Threading.</b> One worker thread of its own, {@value #THREAD_NAME}, behind a bounded
 * queue: at most {@link #MAX_PENDING} messages and {@link #MAX_PENDING_CHARS} characters wait. A
 * message that does not fit is not read by the model (shed): counted, and told in a warning at
 * most once every {@link #SHED_LOG_INTERVAL_MILLIS} ms, never queued without bound; the lexicon
 * has read it already. {@link #submit} never blocks and never runs the model on the caller's
 * thread, so a room's delivery is never delayed by it. The callback runs on the worker thread;
 * the caller re-enters its own executor from there (a room does: see {@code RoomCare}).
 *
 * <p>The model is loaded once per JVM ({@link #shared()}); every server of the process shares
 * that one stage. Counters are atomic; everything else is confined to the worker.
 */
public final class SecondStage {
    private static final Logger log = LoggerFactory.getLogger(SecondStage.class);
    static final String THREAD_NAME = "haven-crisis-model";
    /** About a second of work at the model's speed on one core; longer waits would make alerts late. */
    static final int MAX_PENDING = 256;
    /** Long messages cost more: a budget in characters too (16 messages of the longest allowed length). */
    static final int MAX_PENDING_CHARS = 64_000;
    static final long SHED_LOG_INTERVAL_MILLIS = 10_000;

    /** What the stage asks of the model: the tier of one message. Called on the worker thread only. */
    public interface Reader {
        Tier read(String text);
    }

    /** How much the stage has done, since the process started. */
    public record Counters(long read, long alerted, long shed, long failed) {
    }

    private final Reader reader;
    private final Executor worker;
    private final Clock clock;
    private final int maxPendingChars;
    private final AtomicLong pendingChars = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong alerted = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastShedLog = new AtomicLong(-SHED_LOG_INTERVAL_MILLIS);
    private final AtomicLong shedSinceLog = new AtomicLong();
    private final AtomicLong lastFailureLog = new AtomicLong(-SHED_LOG_INTERVAL_MILLIS);

    /**
     * @param worker runs each read; {@link #boundedWorker} in a server, a direct executor in room
     *               tests that want the second stage's answer at once, on their own thread
     */
    public SecondStage(Reader reader, Executor worker, int maxPendingChars, Clock clock) {
        this.reader = reader;
        this.worker = worker;
        this.maxPendingChars = maxPendingChars;
        this.clock = clock;
    }

    /** One daemon thread behind a queue of {@code capacity} messages, rejecting what does not fit. */
    public static ThreadPoolExecutor boundedWorker(int capacity) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), task -> {
                    Thread thread = new Thread(task, THREAD_NAME);
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.prestartAllCoreThreads();
        return pool;
    }

    /**
     * The process's second stage with the shipped model and classifier, loaded on first use.
     *
     * @throws ModelUnavailableException when the model or the classifier cannot be loaded
     */
    public static SecondStage shared() {
        Shared shared = Shared.INSTANCE;
        if (shared.failure != null) {
            throw shared.failure;
        }
        return shared.stage;
    }

    /**
     * Queues the message for the model. {@code onCrisis} is called, on the worker thread, with the
     * tier when the model finds a crisis, and not at all otherwise.
     *
     * @return false when the message was shed: the queue was full
     */
    public boolean submit(String text, Consumer<Tier> onCrisis) {
        int chars = text.length();
        if (pendingChars.addAndGet(chars) > maxPendingChars) {
            pendingChars.addAndGet(-chars);
            shed();
            return false;
        }
        try {
            worker.execute(() -> {
                try {
                    read(text, onCrisis);
                } finally {
                    pendingChars.addAndGet(-chars);
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            pendingChars.addAndGet(-chars);
            shed();
            return false;
        }
    }

    private void read(String text, Consumer<Tier> onCrisis) {
        Tier tier;
        try {
            tier = reader.read(text);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            long now = clock.millis();
            long last = lastFailureLog.get();
            if (now - last >= SHED_LOG_INTERVAL_MILLIS && lastFailureLog.compareAndSet(last, now)) {
                log.warn("crisis model failed to read a message: {} (the lexicon still reads every message)",
                        e.getClass().getName());
            }
            return;
        }
        read.incrementAndGet();
        if (tier != Tier.NONE) {
            alerted.incrementAndGet();
            onCrisis.accept(tier);
        }
    }

    private void shed() {
        shed.incrementAndGet();
        shedSinceLog.incrementAndGet();
        long now = clock.millis();
        long last = lastShedLog.get();
        if (now - last >= SHED_LOG_INTERVAL_MILLIS && lastShedLog.compareAndSet(last, now)) {
            log.warn("crisis model overloaded: {} messages not read by the model since the last warning ({} in all);"
                    + " the lexicon still read them", shedSinceLog.getAndSet(0), shed.get());
        }
    }

    public Counters counters() {
        return new Counters(read.get(), alerted.get(), shed.get(), failed.get());
    }

    /** The shipped model and classifier, read on one worker thread of the process. */
    private static final class Shared {
        static final Shared INSTANCE = new Shared();
        final SecondStage stage;
        final ModelUnavailableException failure;

        private Shared() {
            SecondStage loaded = null;
            ModelUnavailableException failed = null;
            try {
                ModelReader model = new ModelReader(OnnxSentenceEncoder.shared(), CrisisClassifier.builtin());
                loaded = new SecondStage(model, boundedWorker(MAX_PENDING), MAX_PENDING_CHARS, Clock.systemUTC());
            } catch (ModelUnavailableException e) {
                failed = e;
            }
            this.stage = loaded;
            this.failure = failed;
        }
    }
}
