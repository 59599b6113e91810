package dev.haven.client.cli;

import dev.haven.client.ConnectionClosedException;
import dev.haven.client.HavenErrorException;
import dev.haven.client.NotConnectedException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a reply, at most a set time, and shows why when there is none: {@code ! <code>: <message>}.
 * Without a connection nothing was sent; when the connection ended before the reply, the
 * server may or may not have acted, and the catch-up after reconnecting shows a message that did arrive.
 * A message ({@link #awaitMessage}) unanswered when the connection ends is sent again once it is
 * back, with the same clientId, and shows once.
 */
final class ReplyWaiter {
    static final String NOT_CONNECTED = "not_connected";

    private final Transcript out;
    private final Duration timeout;

    ReplyWaiter(Transcript out, Duration timeout) {
        this.out = out;
        this.timeout = timeout;
    }

    /** The result, or empty after showing the error. */
    <R> Optional<R> await(CompletableFuture<R> reply) throws InterruptedException {
        return await(reply, "no reply from the server within " + timeout.toSeconds() + " s");
    }

    /** For a message the client sends again after a lost connection: a late answer is not a failure. */
    <R> Optional<R> awaitMessage(CompletableFuture<R> reply) throws InterruptedException {
        return await(reply, "no answer yet; if the connection is lost, the message is sent again once it is back,"
                + " and shows once");
    }

    private <R> Optional<R> await(CompletableFuture<R> reply, String late) throws InterruptedException {
        try {
            return Optional.of(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HavenErrorException error) {
                out.error(error.wireCode(), error.serverMessage() + (error.retryAfterMs() == null ? ""
                        : String.format(Locale.ROOT, " (try again in %.1f s)", error.retryAfterMs() / 1000.0)));
            } else if (cause instanceof NotConnectedException) {
                out.error(NOT_CONNECTED, "there is no connection right now, so nothing was sent; "
                        + "try again once reconnected");
            } else if (cause instanceof ConnectionClosedException) {
                out.error(NOT_CONNECTED, "the connection was lost before the server answered; if your message "
                        + "reached it, you will see it once reconnected");
            } else {
                out.error("client", "the server's reply could not be read (" + cause.getMessage() + ")");
            }
        } catch (TimeoutException e) {
            out.error("timeout", late);
        }
        return Optional.empty();
    }
}
