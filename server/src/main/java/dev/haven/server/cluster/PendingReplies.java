package dev.haven.server.cluster;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.ServerMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Requests this node forwarded to rooms' owners, waiting for their replies. A reply that does
 * not come in time (the owner died, or Redis failed) is answered {@code unavailable}: the client
 * tries again, and the room's owner by then answers. Exactly one reply per request: whichever of
 * the reply and the timeout comes first removes the entry. Thread-safe.
 */
final class PendingReplies {
    private final ScheduledExecutorService timers;
    private final Duration timeout;
    private final long retryAfterMillis;
    private final AtomicLong next = new AtomicLong();
    private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();

    private record Waiting(String requestId, Consumer<ServerMessage> reply, ScheduledFuture<?> timer) {
    }

    PendingReplies(ScheduledExecutorService timers, Duration timeout, long retryAfterMillis) {
        this.timers = timers;
        this.timeout = timeout;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** @return the number that names the request in its envelope */
    long add(String requestId, Consumer<ServerMessage> reply) {
        long req = next.incrementAndGet();
        ScheduledFuture<?> timer = timers.schedule(() -> fail(req), timeout.toMillis(), TimeUnit.MILLISECONDS);
        waiting.put(req, new Waiting(requestId, reply, timer));
        return req;
    }

    /** The reply came: built for the client's own request id. */
    void complete(long req, Function<String, ServerMessage> reply) {
        Waiting w = waiting.remove(req);
        if (w != null) {
            w.timer.cancel(false);
            w.reply.accept(reply.apply(w.requestId));
        }
    }

    /** No reply will come: {@code unavailable}. */
    void fail(long req) {
        complete(req, requestId -> unavailable(requestId, retryAfterMillis));
    }

    static ErrorReply unavailable(String requestId, long retryAfterMillis) {
        return new ErrorReply(requestId, ErrorCode.UNAVAILABLE,
                "the room cannot be reached right now; try again shortly", retryAfterMillis);
    }
}
