package dev.haven.client;

import java.time.Duration;
import java.util.Locale;

/**
 * Finds a connection of a {@link ReconnectingClient} that died without a word, as a network
 * that stops carrying anything does: a {@code hello} not answered within the policy's reply
 * timeout, or a {@code ping} (sent every ping interval) not answered within it, drops the
 * connection, which the client then makes again. An error reply is an answer too. Used on the
 * client's scheduler alone.
 */
final class Heartbeat {
    private final ClientScheduler scheduler;
    private final ReconnectPolicy policy;
    private final HavenClient client;
    private ClientScheduler.Cancellable helloDeadline;
    private ClientScheduler.Cancellable pingTimer;
    private ClientScheduler.Cancellable pingDeadline;
    private boolean stopped;

    Heartbeat(ClientScheduler scheduler, ReconnectPolicy policy, HavenClient client) {
        this.scheduler = scheduler;
        this.policy = policy;
        this.client = client;
    }

    /** The hello was sent. */
    void awaitHello() {
        helloDeadline = scheduler.schedule(policy.replyTimeout(),
                () -> client.abort("no answer to hello within " + seconds(policy.replyTimeout())));
    }

    /** The hello was answered: from now on the connection is pinged. */
    void start() {
        cancel(helloDeadline);
        schedulePing();
    }

    /** The connection ended or is no longer used. */
    void stop() {
        stopped = true;
        cancel(helloDeadline);
        cancel(pingTimer);
        cancel(pingDeadline);
    }

    private void schedulePing() {
        pingTimer = scheduler.schedule(policy.pingInterval(), this::ping);
    }

    private void ping() {
        if (stopped) {
            return;
        }
        pingDeadline = scheduler.schedule(policy.replyTimeout(),
                () -> client.abort("no answer from the server within " + seconds(policy.replyTimeout())));
        client.ping().whenComplete((ok, error) -> scheduler.execute(() -> {
            if (stopped) {
                return;
            }
            cancel(pingDeadline);
            if (error == null || JoinedRooms.unwrap(error) instanceof HavenErrorException) {
                schedulePing();
            }
        }));
    }

    static void cancel(ClientScheduler.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** "10 s", "0.3 s". */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? Long.toString(millis / 1000)
                : String.format(Locale.ROOT, "%.1f", millis / 1000.0)) + " s";
    }
}
