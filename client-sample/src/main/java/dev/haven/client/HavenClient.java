package dev.haven.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One connection to a Haven server. Requests return futures completed by the reply with the
 * same id: normally with the request's result, exceptionally with a {@link HavenErrorException}
 * for an {@code error} reply or a {@link ConnectionClosedException} when the connection ends
 * first. Events go to the {@link HavenListener} given at {@link #connect}. {@link #room} gives the
 * members' tools and facilitators' commands of one room. When the connection ends, so does the
 * client; {@link ReconnectingClient} makes a new one and rejoins the rooms.
 *
 * <p><b>Threading.</b> Every method may be called from any thread. A request gets its id from
 * an atomic counter and is entered in the concurrent map of pending requests before its frame
 * is sent, so its reply always finds it. The JDK's WebSocket allows one send in flight, so
 * frames are chained one after the other under {@code sendLock}. Incoming frames are handled
 * one at a time on the JDK's receiving thread, which completes reply futures and calls the
 * listener in arrival order; stages attached to a reply's future before it completes run on
 * that thread too, so they must not block. The end of the connection is recorded once in
 * {@code closeCause}; pending requests are failed after it is set, and a request entered
 * meanwhile checks it again, so every future completes exactly once.
 */
public final class HavenClient implements HavenRequests, AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long {@link #close()} waits for the server to answer the close. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** The close code reported when the connection ends without a close frame (RFC 6455). */
    public static final int ABNORMAL_CLOSURE = 1006;

    private static final System.Logger log = System.getLogger(HavenClient.class.getName());
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final ObjectMapper JSON = ProtocolCodec.newMapper();

    private final ListenerCalls listener;
    private final AtomicLong lastId = new AtomicLong();
    private final Map<String, PendingRequest<?>> pending = new ConcurrentHashMap<>();
    private final AtomicReference<ConnectionClosedException> closeCause = new AtomicReference<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    /** Completes when the last frame handed to the socket is sent; the next one waits for it. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;

    HavenClient(HavenListener listener) {
        this.listener = new ListenerCalls(requireNonNull(listener, "listener"));
    }

    /** Opens a connection, e.g. to {@code ws://127.0.0.1:8080/ws}. Say {@link #hello} first. */
    public static CompletableFuture<HavenClient> connect(URI uri, HavenListener listener) {
        return connect(SharedHttpClient.INSTANCE, uri, listener);
    }

    public static CompletableFuture<HavenClient> connect(HttpClient http, URI uri, HavenListener listener) {
        HavenClient client = new HavenClient(listener);
        return http.newWebSocketBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(requireNonNull(uri, "uri"), new TextFrameAssembler(client::onText, client::onClosed))
                .thenApply(webSocket -> {
                    client.attach(webSocket);
                    return client;
                });
    }

    void attach(WebSocket webSocket) {
        this.socket = webSocket;
    }

    /** Sends a request under the next id ("1", "2", ...; an id already on {@code request} is replaced). */
    @Override
    public <R extends Result> CompletableFuture<R> request(ClientMessage request, Class<R> resultType) {
        requireNonNull(request, "request");
        requireNonNull(resultType, "resultType");
        String id = Long.toString(lastId.incrementAndGet());
        CompletableFuture<R> reply = new CompletableFuture<>();
        pending.put(id, new PendingRequest<>(resultType, reply));
        ConnectionClosedException cause = closeCause.get();
        if (cause != null) {
            fail(id, cause);
            return reply;
        }
        String frame;
        try {
            frame = CODEC.encodeToString(request.withId(id));
        } catch (RuntimeException e) {
            fail(id, e);
            return reply;
        }
        sendInTurn(webSocket -> webSocket.sendText(frame, true)).whenComplete((sent, error) -> {
            if (error != null) {
                fail(id, error);
            }
        });
        return reply;
    }

    public CompletableFuture<HelloResult> hello(Hello hello) {
        return request(hello, HelloResult.class);
    }

    public boolean isOpen() {
        return closeCause.get() == null;
    }

    /** Sends close 1000 after the frames already queued; completes when the connection has ended. */
    public CompletableFuture<Void> closeAsync() {
        if (isOpen()) {
            sendInTurn(webSocket -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
        }
        return closed.copy();
    }

    /** Closes with 1000 and waits up to {@link #CLOSE_TIMEOUT} for the server's answer, then drops the connection. */
    @Override
    public void close() {
        try {
            closeAsync().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort("interrupted while closing");
        } catch (TimeoutException | ExecutionException e) {
            abort("no answer to close");
        }
    }

    /**
     * Drops the connection at once, without a closing handshake, as a connection found dead is
     * dropped: pending requests fail and the listener hears {@link #ABNORMAL_CLOSURE} with this reason.
     */
    public void abort(String reason) {
        WebSocket webSocket = socket;
        if (webSocket != null) {
            webSocket.abort();
        }
        onClosed(ABNORMAL_CLOSURE, reason);
    }

    private CompletableFuture<?> sendInTurn(Function<WebSocket, CompletableFuture<?>> send) {
        synchronized (sendLock) {
            CompletableFuture<?> next = lastSend.handle((done, error) -> null).thenCompose(ignored -> send.apply(socket));
            lastSend = next;
            return next;
        }
    }

    /** A whole text message from the server; on the receiving thread. */
    void onText(String text) {
        ServerMessage message;
        try {
            message = CODEC.decodeServer(text, this::expectedResult);
        } catch (ProtocolException e) {
            onUndecodable(text, e);
            return;
        }
        if (message instanceof Ok ok) {
            PendingRequest<?> request = ok.id() == null ? null : pending.remove(ok.id());
            if (request != null) {
                request.complete(ok.result());
            }
        } else if (message instanceof ErrorReply error) {
            HavenErrorException failure = HavenErrorException.of(error);
            if (error.id() == null || !fail(error.id(), failure)) {
                log.log(Level.DEBUG, "error reply to no pending request: {0}", failure.wireCode());
            }
        } else if (!listener.event(message)) {
            log.log(Level.DEBUG, "skipped a frame of type {0}", message.getClass().getSimpleName());
        }
    }

    private Class<? extends Result> expectedResult(String id) {
        PendingRequest<?> request = id == null ? null : pending.get(id);
        return request == null ? null : request.resultType();
    }

    /**
     * A frame the protocol module cannot read: an event type, error code or field value from a
     * newer server, or garbage. A reply to a pending request still ends that request;
     * anything else is skipped.
     */
    private void onUndecodable(String text, ProtocolException e) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (IOException | RuntimeException notJson) {
            log.log(Level.DEBUG, "skipped a frame that is not JSON");
            return;
        }
        String type = frame == null ? null : frame.path("type").asText(null);
        String id = frame == null || !frame.path("id").isTextual() ? null : frame.get("id").textValue();
        if (id != null && "error".equals(type)) {
            JsonNode retry = frame.path("retryAfterMs");
            fail(id, new HavenErrorException(id, frame.path("code").asText("unknown"), frame.path("message").asText(""),
                    retry.isIntegralNumber() ? retry.longValue() : null));
        } else if (id != null && "ok".equals(type) && fail(id, e)) {
            log.log(Level.DEBUG, "unreadable reply to request {0}: {1}", id, e.getMessage());
        } else {
            log.log(Level.DEBUG, "skipped a frame of type {0}: {1}", type, e.getMessage());
        }
    }

    /** The connection ended; called from the receiving thread, or by {@link #abort}. Acts once. */
    void onClosed(int code, String reason) {
        ConnectionClosedException cause = new ConnectionClosedException(code, reason);
        if (!closeCause.compareAndSet(null, cause)) {
            return;
        }
        for (String id : pending.keySet()) {
            fail(id, cause);
        }
        closed.complete(null);
        listener.closed(code, cause.reason());
    }

    /** @return whether the request was still pending */
    private boolean fail(String id, Throwable error) {
        PendingRequest<?> request = pending.remove(id);
        if (request == null) {
            return false;
        }
        request.future().completeExceptionally(error);
        return true;
    }

    /** One HTTP client for every connection made without one: it owns threads and is meant to be shared. */
    private static final class SharedHttpClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }
}
