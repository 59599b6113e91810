package dev.haven.client;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.server.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The messages a {@link ReconnectingClient} sent ({@code send}, {@code checkin_send}) whose answer
 * has not come yet. Each carries a {@code clientId} (a random one when the caller gave none),
 * the same for every try. When the connection ends before the answer, nobody knows whether the
 * server took the message: it is sent again on the next connection, after the rooms' rejoins,
 * with the same {@code clientId}, and the server answers a message it had already taken with
 * {@code ok {seq, duplicate: true}} and delivers nothing twice. The caller's future completes with
 * that answer, as sent. An {@code unavailable} answer (nothing was done) is tried again after the
 * wait it asks for. A message is tried at most {@link #MAX_TRIES} times; when the client stops,
 * what is still unanswered fails as closed.
 *
 * <p>Used on the client's scheduler alone. The first try goes from the caller's thread, in its
 * order among the caller's requests; answers come back as scheduler tasks.
 */
final class UnansweredSends {
    static final int MAX_TRIES = 5;

    /** One message and its caller's future. */
    private static final class Pending {
        final ClientMessage request;
        final Class<? extends Result> resultType;
        final CompletableFuture<Result> reply;
        int tries = 1;

        Pending(ClientMessage request, Class<? extends Result> resultType, CompletableFuture<Result> reply) {
            this.request = request;
            this.resultType = resultType;
            this.reply = reply;
        }
    }

    private final ClientScheduler scheduler;
    /** Waiting for a connection to be sent again on, in the order they were first sent. */
    private final Map<String, Pending> waiting = new LinkedHashMap<>();
    /** The connection that is up; null between connections. */
    private HavenClient connection;
    /** Why the client stopped, once it has. */
    private Throwable stoppedBy;

    UnansweredSends(ClientScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Whether this request is a message that is sent again after a lost connection. */
    static boolean isMessage(ClientMessage request) {
        return request instanceof Send || request instanceof CheckinSend;
    }

    /** The message with a clientId: its own, or a new random one. */
    static ClientMessage withClientId(ClientMessage request) {
        if (request instanceof Send send && send.clientId() == null) {
            return new Send(send.id(), send.room(), send.text(), UUID.randomUUID().toString(), send.cw());
        }
        if (request instanceof CheckinSend send && send.clientId() == null) {
            return new CheckinSend(send.id(), send.checkin(), send.text(), UUID.randomUUID().toString());
        }
        return request;
    }

    /**
     * Sends a message (from any thread) over {@code via} and returns the caller's future, which
     * completes with the answer of this try or of a later one.
     */
    @SuppressWarnings("unchecked")
    <R extends Result> CompletableFuture<R> send(HavenClient via, ClientMessage message, Class<R> resultType) {
        Pending pending = new Pending(withClientId(message), resultType, new CompletableFuture<>());
        tryOn(via, pending);
        return (CompletableFuture<R>) pending.reply;
    }

    /** A new connection said hello, and its rejoins are on their way: what is unanswered goes now. */
    void connected(HavenClient client) {
        connection = client;
        List<Pending> again = new ArrayList<>(waiting.values());
        waiting.clear();
        for (Pending pending : again) {
            pending.tries++;
            tryOn(client, pending);
        }
    }

    void connectionLost() {
        connection = null;
    }

    /** The client stopped: nothing more is sent, and what is unanswered fails with the reason. */
    void stopped(Throwable reason) {
        stoppedBy = reason;
        connection = null;
        List<Pending> unanswered = new ArrayList<>(waiting.values());
        waiting.clear();
        unanswered.forEach(pending -> pending.reply.completeExceptionally(reason));
    }

    private void tryOn(HavenClient via, Pending pending) {
        via.request(pending.request, pending.resultType)
                .whenComplete((result, error) -> scheduler.execute(() -> answered(via, pending, result, error)));
    }

    private void answered(HavenClient via, Pending pending, Result result, Throwable error) {
        if (error == null) {
            pending.reply.complete(result);
            return;
        }
        Throwable cause = JoinedRooms.unwrap(error);
        boolean triesLeft = pending.tries < MAX_TRIES && stoppedBy == null;
        if (cause instanceof ConnectionClosedException && triesLeft) {
            if (connection != null && connection != via) {
                pending.tries++;
                tryOn(connection, pending);   // the next connection is up already
            } else {
                waiting.put(clientId(pending.request), pending);
            }
        } else if (cause instanceof HavenErrorException refused && refused.code() == ErrorCode.UNAVAILABLE && triesLeft) {
            long waitMs = refused.retryAfterMs() == null ? 1000 : refused.retryAfterMs();
            scheduler.schedule(Duration.ofMillis(waitMs), () -> {
                if (stoppedBy != null) {
                    pending.reply.completeExceptionally(stoppedBy);
                } else if (connection == null) {
                    waiting.put(clientId(pending.request), pending);
                } else {
                    pending.tries++;
                    tryOn(connection, pending);
                }
            });
        } else {
            pending.reply.completeExceptionally(cause);
        }
    }

    private static String clientId(ClientMessage message) {
        return message instanceof Send send ? send.clientId() : ((CheckinSend) message).clientId();
    }
}
