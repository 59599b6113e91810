package dev.haven.server.transport;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer a connection has from its TCP connect to its accepted {@code hello}: first the
 * handshake's deadline ({@link HandshakeDeadline}: {@code server.handshakeTimeoutSeconds} from
 * connecting, or from the last whole HTTP request), then the hello's
 * ({@link ConnectionHandler}: {@code server.helloTimeoutSeconds} from the upgrade).
 *
 * <p>A new deadline moves a time, not a timer: the timer set at connect runs on, and when it
 * fires before the deadline now due it is set again for the rest. A connection that says hello
 * in time, nearly every one, so costs one timer set and cancelled, where it had three (the
 * handshake deadline, a new one per request, the hello timeout). Lives in a channel attribute,
 * so the handshake's handler, which leaves at the upgrade, can hand it to the connection's.
 * Used on the channel's event loop only.
 */
final class ConnectDeadline {
    static final AttributeKey<ConnectDeadline> KEY = AttributeKey.valueOf(ConnectDeadline.class, "deadline");
    private static final Runnable NOTHING = () -> { };

    private final EventExecutor loop;
    private ScheduledFuture<?> timer;
    /** When the timer fires; {@link Long#MAX_VALUE} when it is not set. */
    private long timerAt = Long.MAX_VALUE;
    private long dueAt = Long.MAX_VALUE;
    private Runnable onTimeout = NOTHING;

    ConnectDeadline(EventExecutor loop) {
        this.loop = loop;
    }

    /** The channel's deadline, or null when none was set (a handler tested alone). */
    static ConnectDeadline of(Channel channel) {
        return channel.attr(KEY).get();
    }

    /** From now, {@code timeoutMillis} until {@code onTimeout} runs, unless another deadline replaces this one. */
    void expireIn(long timeoutMillis, Runnable onTimeout) {
        this.onTimeout = onTimeout;
        this.dueAt = now() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        if (dueAt < timerAt) {
            cancelTimer();
            arm(dueAt);
        }
    }

    /** Nothing is due for now; the timer stays, for a deadline set soon after (the hello's after the upgrade). */
    void clear() {
        dueAt = Long.MAX_VALUE;
        onTimeout = NOTHING;
    }

    /** Nothing is due any more. */
    void cancel() {
        clear();
        cancelTimer();
    }

    private void fire() {
        timer = null;
        timerAt = Long.MAX_VALUE;
        if (dueAt == Long.MAX_VALUE) {
            return;
        }
        if (now() >= dueAt) {
            Runnable expired = onTimeout;
            cancel();
            expired.run();
        } else {
            arm(dueAt);
        }
    }

    private void arm(long at) {
        timerAt = at;
        timer = loop.schedule(this::fire, Math.max(0, at - now()), TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
            timerAt = Long.MAX_VALUE;
        }
    }

    private long now() {
        return loop.ticker().nanoTime();
    }
}
