package dev.haven.server.care.model;

import dev.haven.server.care.detect.Tier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crisis detector's second stage: reads, with the model, every member's message the lexicon
 * did not alert on, off the rooms' threads, and reports a crisis back to whoever asked.
 *
 * <p><b>Threading.</b> Messages wait in a bounded queue ({@link #MAX_PENDING} messages and
 * {@link #MAX_PENDING_CHARS} characters in the server); one worker, {@value #THREAD_NAME}, takes
 * what is waiting, up to {@link #MAX_BATCH} at a time, and reads them as one batch (the model
 * reads a batch faster than its messages one by one, so a queue that forms drains quicker). A
 * message that does not fit is not read by the model (shed): counted, and told in a warning at
 * most once every {@link #LOG_INTERVAL_MILLIS} ms, never queued without bound; the lexicon has
 * read it already. {@link #submit} never blocks and never runs the model on the caller's thread,
 * so a room's delivery is never delayed by it. The callback runs on the worker; the caller
 * re-enters its own executor from there (a room does: see {@code RoomCare}). At most one drain is
 * handed to the worker at a time ({@code draining}), so the worker's own queue stays short.
 *
 * <p>The model is loaded once per JVM ({@link #shared()}); every server of the process shares
 * that one stage. Counters are atomic; the reading itself is confined to the worker.
 */
public final class SecondStage {
    private static final Logger log = LoggerFactory.getLogger(SecondStage.class);
    static final String THREAD_NAME = "haven-crisis-model";
    /** About a second of work at 200 messages a second; longer waits would make alerts late. */
    static final int MAX_PENDING = 256;
    /** Long messages cost more: a budget in characters too (16 messages of the longest allowed length). */
    static final int MAX_PENDING_CHARS = 64_000;
    /** Past about 16 short messages a batch reads no faster per message. */
    static final int MAX_BATCH = 16;
    static final long LOG_INTERVAL_MILLIS = 10_000;

    /** What the stage asks of the model. Called on the worker only. */
    public interface Reader {
        Tier read(String text);

        /** Several messages at once, in order. */
        default List<Tier> readAll(List<String> texts) {
            List<Tier> tiers = new ArrayList<>(texts.size());
            for (String text : texts) {
                tiers.add(read(text));
            }
            return tiers;
        }
    }

    /** How much the stage has done, since the process started. */
    public record Counters(long read, long alerted, long shed, long failed) {
    }

    private record Job(String text, Consumer<Tier> onCrisis) {
    }

    private final Reader reader;
    private final Executor worker;
    private final Clock clock;
    private final int maxPendingChars;
    private final BlockingQueue<Job> pending;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong pendingChars = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong alerted = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong shedSinceLog = new AtomicLong();
    private final AtomicLong lastShedLog = new AtomicLong(-LOG_INTERVAL_MILLIS);
    private final AtomicLong lastFailureLog = new AtomicLong(-LOG_INTERVAL_MILLIS);

    /**
     * @param worker runs the drains: {@link #ownThread()} in a server; a room test hands its own
     *               queue, to run them by hand
     */
    public SecondStage(Reader reader, Executor worker, int maxPending, int maxPendingChars, Clock clock) {
        this.reader = reader;
        this.worker = worker;
        this.pending = new ArrayBlockingQueue<>(maxPending);
        this.maxPendingChars = maxPendingChars;
        this.clock = clock;
    }

    /** The stage's one daemon thread. */
    public static ExecutorService ownThread() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
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
     * Queues the message for the model. {@code onCrisis} is called, on the worker, with the tier
     * when the model finds a crisis, and not at all otherwise.
     *
     * @return false when the message was shed: the queue was full
     */
    public boolean submit(String text, Consumer<Tier> onCrisis) {
        int chars = text.length();
        if (pendingChars.addAndGet(chars) > maxPendingChars || !pending.offer(new Job(text, onCrisis))) {
            pendingChars.addAndGet(-chars);
            shed();
            return false;
        }
        if (draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                draining.set(false);
            }
        }
        return true;
    }

    /** On the worker: reads what is waiting, a batch at a time, until nothing is. */
    private void drain() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            pending.drainTo(batch, MAX_BATCH);
            if (batch.isEmpty()) {
                draining.set(false);
                // A message queued after the last look, whose submit saw a drain still running.
                if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            readBatch(batch);
            batch.clear();
        }
    }

    private void readBatch(List<Job> batch) {
        List<String> texts = new ArrayList<>(batch.size());
        long chars = 0;
        for (Job job : batch) {
            texts.add(job.text());
            chars += job.text().length();
        }
        try {
            List<Tier> tiers;
            try {
                tiers = reader.readAll(texts);
            } catch (RuntimeException batchFailed) {
                // Read them one by one: one bad message must not cost the others their reading.
                tiers = new ArrayList<>(batch.size());
                for (String text : texts) {
                    tiers.add(readOne(text));
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                Tier tier = tiers.get(i);
                if (tier == null) {
                    continue;
                }
                read.incrementAndGet();
                if (tier != Tier.NONE) {
                    alerted.incrementAndGet();
                    batch.get(i).onCrisis().accept(tier);
                }
            }
        } finally {
            pendingChars.addAndGet(-chars);
        }
    }

    /** One message alone; null when the model fails on it (counted, and warned about at most every interval). */
    private Tier readOne(String text) {
        try {
            return reader.read(text);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            if (due(lastFailureLog)) {
                log.warn("crisis model failed to read a message: {} (the lexicon still read it)", e.getClass().getName());
            }
            return null;
        }
    }

    private void shed() {
        shed.incrementAndGet();
        shedSinceLog.incrementAndGet();
        if (due(lastShedLog)) {
            log.warn("crisis model overloaded: {} messages not read by the model since the last warning ({} in all);"
                    + " the lexicon still read them", shedSinceLog.getAndSet(0), shed.get());
        }
    }

    /** Whether a rate-limited warning may be logged now; at most one caller per interval gets true. */
    private boolean due(AtomicLong last) {
        long now = clock.millis();
        long then = last.get();
        return now - then >= LOG_INTERVAL_MILLIS && last.compareAndSet(then, now);
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
                loaded = new SecondStage(model, ownThread(), MAX_PENDING, MAX_PENDING_CHARS, Clock.systemUTC());
            } catch (ModelUnavailableException e) {
                failed = e;
            }
            this.stage = loaded;
            this.failure = failed;
        }
    }
}
