package dev.haven.client.cli;

import dev.haven.client.ConnectionClosedException;
import dev.haven.client.HavenErrorException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Waits for a reply, at most a set time, and shows why when there is none: {@code ! <code>: <message>}. */
final class ReplyWaiter {
    private final Transcript out;
    private final Duration timeout;
    private final Consumer<ConnectionClosedException> onClosed;

    /** @param onClosed told when the reply cannot come because the connection ended */
    ReplyWaiter(Transcript out, Duration timeout, Consumer<ConnectionClosedException> onClosed) {
        this.out = out;
        this.timeout = timeout;
        this.onClosed = onClosed;
    }

    /** The result, or empty after showing the error. */
    <R> Optional<R> await(CompletableFuture<R> reply) throws InterruptedException {
        try {
            return Optional.of(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HavenErrorException error) {
                out.error(error.wireCode(), error.serverMessage() + (error.retryAfterMs() == null ? ""
                        : String.format(Locale.ROOT, " (try again in %.1f s)", error.retryAfterMs() / 1000.0)));
            } else if (cause instanceof ConnectionClosedException closed) {
                onClosed.accept(closed);
            } else {
                out.error("client", "the server's reply could not be read (" + cause.getMessage() + ")");
            }
        } catch (TimeoutException e) {
            out.error("timeout", "no reply from the server within " + timeout.toSeconds() + " s");
        }
        return Optional.empty();
    }
}
