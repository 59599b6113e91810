package dev.haven.client.bench;

import io.netty.channel.EventLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;

/**
 * One sender's messages for one phase: {@code count} messages at a fixed rate, on the sending
 * connection's own event loop. The first message comes at a random offset within one period,
 * so the room's senders do not all fire at the same instant.
 *
 * <p>Each message is stamped with the time it was due, not the time it left: when the client
 * falls behind its schedule the lateness counts as latency instead of being hidden
 * (coordinated omission). Netty's fixed-rate timer catches up after a late turn.
 */
final class Sender implements Runnable {
    private final BenchConnection connection;
    private final String text;
    private final int phase;
    private final long periodNanos;
    private final long count;
    private final CountDownLatch done;
    private final long firstDue;
    private volatile long sent;
    private Future<?> timer;
    private boolean finished;

    private Sender(BenchConnection connection, String text, int phase, double ratePerSecond, long count,
                   RunStats stats, CountDownLatch done) {
        this.connection = connection;
        this.text = text;
        this.phase = phase;
        this.periodNanos = Math.max(1, (long) (1e9 / ratePerSecond));
        this.count = count;
        this.done = done;
        long offset = ThreadLocalRandom.current().nextLong(periodNanos);
        this.firstDue = stats.now() + offset;
        EventLoop loop = connection.channel().eventLoop();
        loop.execute(() -> timer = loop.scheduleAtFixedRate(this, offset, periodNanos, TimeUnit.NANOSECONDS));
    }

    /** Starts sending at once; {@code done} counts down when the last message is written or the connection is gone. */
    static Sender start(BenchConnection connection, String text, int phase, double ratePerSecond, long count,
                        RunStats stats, CountDownLatch done) {
        return new Sender(connection, text, phase, ratePerSecond, count, stats, done);
    }

    @Override
    public void run() {
        if (finished) {
            return;
        }
        if (sent < count && connection.channel().isActive()) {
            connection.send(text, phase, firstDue + sent * periodNanos);
            sent++;
        }
        if (sent >= count || !connection.channel().isActive()) {
            finished = true;
            timer.cancel(false);
            done.countDown();
        }
    }

    long sent() {
        return sent;
    }

    BenchConnection connection() {
        return connection;
    }
}
