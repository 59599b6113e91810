package dev.haven.client;

import static java.util.Objects.requireNonNull;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * A client that stays in its rooms across lost connections. It connects and says
 * {@code hello} with the identity it was built with ({@link #start}); when the connection ends
 * without being asked to (see {@link ReconnectPolicy#reconnectsAfter}), it connects again with
 * exponential backoff and full jitter, says {@code hello} as the same user (the same token; a
 * guest with the {@code resume} its last hello gave, kept for the client's life, so it is the
 * same guest, with the same id and name; if the server refuses the resume, at once again with
 * the name, as a new guest, {@link ReconnectListener#onResumeRefused}), and rejoins every room it
 * was in with {@code since} = the last seq seen. The messages missed
 * meanwhile reach the listener oldest first, each once, then the live events; a {@code gap} or
 * a restarted server is reported ({@link CatchUp}). Then it finds its private check-ins again
 * ({@link JoinedCheckins}: {@code checkins}, then {@code checkin_history} with {@code since}), so
 * what was said in them meanwhile reaches the listener too, each message once. A connection that
 * stops answering its {@code ping}s is dropped and made again.
 *
 * <p>Requests go to the connection that is up. Those in flight when it ends fail with a
 * {@link ConnectionClosedException} (whether the server acted on them is unknown), except
 * messages ({@code send}, {@code checkin_send}): each has one {@code clientId} for all its tries,
 * and one unanswered at the loss is sent again after the rejoins on the next connection; the
 * server answers a message it had taken already {@code duplicate: true} and delivers it once, and
 * that answer completes the caller's future as sent ({@link UnansweredSends}). Requests made while
 * there is no connection fail at once with a {@link NotConnectedException} (nothing was sent).
 * {@code join} and {@code leave} requests decide which rooms are rejoined; a room left through a
 * {@code removed} or {@code banned} notice is not.
 *
 * <p>The first connection is not retried: {@link #start} fails when it cannot connect or its
 * hello is refused, for that is usually a wrong address, token or name.
 *
 * <p><b>Threading.</b> The client's state (its {@link JoinedRooms} and {@link JoinedCheckins}, the
 * current connection, the attempt count, timers) is touched only by tasks on its
 * {@link ClientScheduler}, one at a time. Each
 * connection's events, its end, and the replies the client waits for itself are handed to the
 * scheduler as tasks, in the order they arrive, and every listener call is made from one; tasks
 * about a connection that is no longer the current one are dropped. Owners' requests are sent
 * from the calling thread to the connection published in {@code live}, a volatile field set once
 * that connection's rejoins are on their way, so they always follow them.
 */
public final class ReconnectingClient implements HavenRequests, AutoCloseable {
    /** Opens one connection with its listener; tests give one over a fake socket. */
    interface Connector {
        CompletableFuture<HavenClient> connect(URI uri, HavenListener listener);
    }

    private static final System.Logger log = System.getLogger(ReconnectingClient.class.getName());

    private final URI uri;
    private final Hello hello;
    private final ReconnectPolicy policy;
    private final ClientScheduler scheduler;
    /** The scheduler this client made for itself and shuts down at its end; null when one was given. */
    private final DaemonScheduler ownScheduler;
    private final RandomGenerator random;
    private final Connector connector;
    private final ReconnectListener listener;
    private final CompletableFuture<HelloResult> started = new CompletableFuture<>();

    // On the scheduler alone.
    private final JoinedRooms rooms;
    private final JoinedCheckins checkins;
    private final UnansweredSends sends;
    /** A guest's resume from its last hello, said on every new connection; null for a token's user. */
    private String resume;
    /** Failed attempts in a row since the last stable connection. */
    private int attempt;
    private String lastFailure;
    private ClientScheduler.Cancellable reconnectTimer;
    private ClientScheduler.Cancellable stableTimer;
    private boolean ended;

    // Written on the scheduler, read by any thread.
    /** The connection being made or up; null between attempts and after the end. */
    private volatile Link current;
    /** The connection requests go to: said hello, rooms rejoining; null otherwise. */
    private volatile HavenClient live;
    private volatile UserInfo user;
    /** {@link #close} was called, or the client ended. */
    private volatile boolean stopping;

    private ReconnectingClient(Builder builder) {
        this.uri = builder.uri;
        this.hello = builder.hello;
        this.policy = builder.policy;
        this.ownScheduler = builder.scheduler == null ? new DaemonScheduler("haven-client") : null;
        this.scheduler = builder.scheduler == null ? ownScheduler : builder.scheduler;
        this.random = builder.random == null ? new SplittableRandom() : builder.random;
        HttpClient http = builder.http;
        this.connector = builder.connector != null ? builder.connector
                : http == null ? HavenClient::connect : (address, events) -> HavenClient.connect(http, address, events);
        this.listener = builder.listener;
        ListenerCalls calls = new ListenerCalls(listener);
        this.rooms = new JoinedRooms(scheduler, listener, calls);
        this.checkins = new JoinedCheckins(scheduler, listener, calls);
        this.sends = new UnansweredSends(scheduler);
        this.resume = builder.hello.token() == null ? builder.hello.resume() : null;
    }

    /**
     * @param hello the identity said at the first connection: a token, or a guest name (with a
     *              {@code resume} from an earlier run to come back as the same guest); a guest
     *              says the resume each hello gives on every later connection
     */
    public static Builder builder(URI uri, Hello hello) {
        return new Builder(uri, hello);
    }

    /**
     * Makes the first connection and says hello. Completes with the hello's result, or
     * exceptionally with the reason there is none: the connection failed (an {@code IOException}),
     * the server refused the identity ({@link HavenErrorException}) or closed first
     * ({@link ConnectionClosedException}). Call once.
     */
    public CompletableFuture<HelloResult> start() {
        scheduler.execute(this::connect);
        return started.copy();
    }

    /** The user as the last hello named it (a guest keeps its id, unless its resume was refused). Null before the first. */
    public UserInfo user() {
        return user;
    }

    /** Whether a connection is up and takes requests. */
    public boolean isConnected() {
        return live != null;
    }

    /** Not {@code hello}: the client says hello itself, with the identity it was built with. */
    @Override
    public <R extends Result> CompletableFuture<R> request(ClientMessage request, Class<R> resultType) {
        requireNonNull(request, "request");
        if (request instanceof Hello) {
            throw new IllegalArgumentException("the client says hello itself, with the identity it was built with");
        }
        HavenClient client = live;
        if (client == null) {
            return CompletableFuture.failedFuture(new NotConnectedException(stopping
                    ? "not connected: the client is closed" : "not connected: reconnecting"));
        }
        if (request instanceof Join join) {
            boolean accept = Boolean.TRUE.equals(join.acceptGuidelines());
            scheduler.execute(() -> rooms.joining(join.room(), accept));
            CompletableFuture<R> reply = client.request(request, resultType);
            reply.whenComplete((result, error) -> scheduler.execute(() -> rooms.joinAnswered(join.room(), accept,
                    join.guidelinesVersion(), result instanceof JoinResult joined ? joined : null)));
            return reply;
        }
        if (request instanceof Leave leave) {
            scheduler.execute(() -> rooms.left(leave.room()));
        }
        if (UnansweredSends.isMessage(request)) {
            return sends.send(client, request, resultType);
        }
        return client.request(request, resultType);
    }

    /**
     * Stops for good: no more attempts; a connection that is up is closed with 1000, waiting up
     * to {@link HavenClient#CLOSE_TIMEOUT} for the server's answer. Returns at once when there is none.
     */
    @Override
    public void close() {
        stopping = true;
        Link link = current;
        HavenClient client = link == null ? null : link.client;
        if (client != null && client.isOpen()) {
            client.close();
        }
        scheduler.execute(() -> end(CloseCode.NORMAL.code(), "closed by the client"));
    }

    // ---------------------------------------------------------------- connecting

    private void connect() {
        reconnectTimer = null;
        if (stopping) {
            return;
        }
        Link link = new Link();
        current = link;
        CompletableFuture<HavenClient> opening;
        try {
            opening = connector.connect(uri, link);
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((client, error) -> scheduler.execute(() -> opened(link, client, error)));
    }

    private void opened(Link link, HavenClient client, Throwable error) {
        if (link != current) {
            if (client != null) {
                client.abort("the client was closed");
            }
            return;
        }
        if (error != null) {
            Throwable cause = JoinedRooms.unwrap(error);
            if (!started.isDone()) {
                started.completeExceptionally(cause);
            }
            connectionEnded(link, HavenClient.ABNORMAL_CLOSURE, describe(cause));
            return;
        }
        link.client = client;
        link.heartbeat = new Heartbeat(scheduler, policy, client);
        link.heartbeat.awaitHello();
        link.resumed = resume != null;
        Hello saying = link.resumed ? new Hello(null, null, hello.name(), resume) : hello;
        client.hello(saying).whenComplete((result, failure) -> scheduler.execute(() -> helloAnswered(link, result, failure)));
    }

    private void helloAnswered(Link link, HelloResult result, Throwable error) {
        if (link != current) {
            return;
        }
        if (error != null) {
            Throwable cause = JoinedRooms.unwrap(error);
            if (link.resumed && hello.name() != null && cause instanceof HavenErrorException refused
                    && refused.code() == ErrorCode.UNAUTHENTICATED) {
                // The resume lapsed (or the server's secret changed): the server closes with 4001,
                // and the client comes back at once under the name, as a new guest.
                resume = null;
                link.resumeRefused = true;
                ListenerCalls.call(listener::onResumeRefused);
                return;
            }
            if (cause instanceof HavenErrorException refused) {
                // The server refused who this client is; it would refuse every attempt.
                if (!started.isDone()) {
                    started.completeExceptionally(refused);
                }
                end(CloseCode.UNAUTHENTICATED.code(), "the server refused the sign-in: " + refused.serverMessage());
            }
            // Otherwise the connection ended first, and its end decides what comes next.
            return;
        }
        link.helloDone = true;
        user = result.user();
        if (result.resume() != null) {
            resume = result.resume();
        }
        rooms.connected(link.client);
        checkins.connected(link.client);
        sends.connected(link.client);
        live = link.client;
        link.heartbeat.start();
        stableTimer = scheduler.schedule(policy.stableAfter(), () -> {
            if (link == current) {
                attempt = 0;
            }
        });
        log.log(Level.DEBUG, "connected to {0} user={1} rooms={2}", uri, result.user().id(), rooms.size());
        if (!started.isDone()) {
            started.complete(result);
        } else {
            ListenerCalls.call(() -> listener.onReconnected(result));
        }
    }

    /** A connection, or an attempt at one, ended. */
    private void connectionEnded(Link link, int code, String reason) {
        if (link != current) {
            return;
        }
        current = null;
        live = null;
        link.stopHeartbeat();
        Heartbeat.cancel(stableTimer);
        rooms.connectionLost();
        checkins.connectionLost();
        sends.connectionLost();
        if (link.resumeRefused && !stopping) {
            reconnectTimer = scheduler.schedule(Duration.ZERO, this::connect);
            return;
        }
        boolean everUp = started.isDone() && !started.isCompletedExceptionally();
        if (stopping || !everUp || !ReconnectPolicy.reconnectsAfter(code, reason) || policy.maxAttempts() == 0) {
            end(code, reason);
            return;
        }
        log.log(Level.DEBUG, "connection ended code={0} attempt={1}", code, attempt);
        if (link.helloDone) {
            lastFailure = null;
            ListenerCalls.call(() -> listener.onConnectionLost(code, reason));
        } else {
            lastFailure = reason;
        }
        attempt++;
        if (attempt > policy.maxAttempts()) {
            int made = attempt - 1;
            ListenerCalls.call(() -> listener.onGaveUp(made));
            end(code, reason);
            return;
        }
        Duration delay = policy.delay(attempt, random);
        int next = attempt;
        String failure = lastFailure;
        ListenerCalls.call(() -> listener.onReconnectScheduled(next, delay, failure));
        reconnectTimer = scheduler.schedule(delay, this::connect);
    }

    /** Stops for good, once: the owner closed, the server refused, or every attempt failed. */
    private void end(int code, String reason) {
        if (ended) {
            return;
        }
        ended = true;
        stopping = true;
        live = null;
        Heartbeat.cancel(reconnectTimer);
        Heartbeat.cancel(stableTimer);
        Link link = current;
        current = null;
        if (link != null) {
            link.stopHeartbeat();
            if (link.client != null) {
                link.client.closeAsync();
            }
        }
        sends.stopped(new ConnectionClosedException(code, reason));
        if (!started.isDone()) {
            started.completeExceptionally(new ConnectionClosedException(code, reason));
        } else if (!started.isCompletedExceptionally()) {
            ListenerCalls.call(() -> listener.onClosed(code, reason));
        }
        if (ownScheduler != null) {
            ownScheduler.shutdown();
        }
    }

    /** Why a connection could not be made, for people. */
    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "the server cannot be reached";
        }
        if (cause instanceof HttpTimeoutException) {
            return "the server did not answer in time";
        }
        if (cause instanceof WebSocketHandshakeException refused) {
            return "the server turned the connection away (HTTP " + refused.getResponse().statusCode() + ")";
        }
        if (cause instanceof IOException) {
            return "the connection broke while it was being made";
        }
        return "the connection could not be made (" + cause.getClass().getSimpleName() + ")";
    }

    /** One connection: its events and end go to the scheduler, tagged with it, so stale ones are told apart. */
    private final class Link implements AllEventsListener {
        volatile HavenClient client;
        boolean helloDone;
        /** Its hello carried the guest's resume; the server refused it. */
        boolean resumed;
        boolean resumeRefused;
        /** Set once the connection is open. */
        Heartbeat heartbeat;

        void stopHeartbeat() {
            if (heartbeat != null) {
                heartbeat.stop();
            }
        }

        @Override
        public void onEvent(ServerMessage event) {
            scheduler.execute(() -> {
                if (this == current && !checkins.route(event)) {
                    rooms.route(event);
                }
            });
        }

        @Override
        public void onClosed(int code, String reason) {
            scheduler.execute(() -> connectionEnded(this, code, reason));
        }
    }

    /** What a {@link ReconnectingClient} is made with; only the address and the identity are required. */
    public static final class Builder {
        private final URI uri;
        private final Hello hello;
        private ReconnectListener listener = new ReconnectListener() { };
        private ReconnectPolicy policy = ReconnectPolicy.DEFAULT;
        private ClientScheduler scheduler;
        private RandomGenerator random;
        private HttpClient http;
        private Connector connector;

        private Builder(URI uri, Hello hello) {
            this.uri = requireNonNull(uri, "uri");
            this.hello = requireNonNull(hello, "hello");
        }

        public Builder listener(ReconnectListener value) {
            this.listener = requireNonNull(value, "listener");
            return this;
        }

        public Builder policy(ReconnectPolicy value) {
            this.policy = requireNonNull(value, "policy");
            return this;
        }

        /** Where the client runs; by default a daemon thread of its own, ended with the client. */
        public Builder scheduler(ClientScheduler value) {
            this.scheduler = requireNonNull(value, "scheduler");
            return this;
        }

        /** The source of the backoff's jitter; used on the scheduler alone. */
        public Builder random(RandomGenerator value) {
            this.random = requireNonNull(value, "random");
            return this;
        }

        public Builder httpClient(HttpClient value) {
            this.http = requireNonNull(value, "httpClient");
            return this;
        }

        Builder connector(Connector value) {
            this.connector = requireNonNull(value, "connector");
            return this;
        }

        public ReconnectingClient build() {
            return new ReconnectingClient(this);
        }
    }
}
