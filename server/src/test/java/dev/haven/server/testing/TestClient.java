package dev.haven.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real WebSocket client for tests, on the JDK's client. Frames are read in arrival order;
 * every wait has a timeout, so a missing frame fails the test instead of hanging it.
 */
public final class TestClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicInteger nextId = new AtomicInteger();
    /** Frames read while waiting for another, kept for later waits. */
    private final List<JsonNode> skipped = new ArrayList<>();
    private final WebSocket socket;
    private volatile String closeReason;

    private TestClient(URI uri) {
        this(uri, HTTP);
    }

    private TestClient(URI uri, HttpClient http) {
        this.socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(uri, new Listener()).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public static TestClient connect(int port) {
        return new TestClient(URI.create("ws://127.0.0.1:" + port + "/ws"));
    }

    /** Connects over TLS ({@code wss://}), trusting what {@code ssl} trusts. */
    public static TestClient connectTls(int port, javax.net.ssl.SSLContext ssl) {
        return new TestClient(URI.create("wss://127.0.0.1:" + port + "/ws"),
                HttpClient.newBuilder().sslContext(ssl).connectTimeout(TIMEOUT).build());
    }

    /** Connects and says hello as a guest. */
    public static TestClient guest(int port, String name) {
        TestClient client = connect(port);
        JsonNode reply = client.request("{\"type\":\"hello\",\"name\":\"" + name + "\"}");
        assertThat(reply.path("type").asText()).as("hello reply").isEqualTo("ok");
        return client;
    }

    /** Connects and says hello with a token. */
    public static TestClient withToken(int port, String token) {
        TestClient client = connect(port);
        JsonNode reply = client.request("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
        assertThat(reply.path("type").asText()).as("hello reply").isEqualTo("ok");
        return client;
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends one text message as several WebSocket frames (a first frame and continuations). */
    public void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /**
     * Sends a request object (without an id: one is added) and returns its reply, skipping
     * and keeping events that arrive before it.
     */
    public JsonNode request(String jsonObject) {
        String id = "r" + nextId.incrementAndGet();
        String withId = "{\"id\":\"" + id + "\"," + jsonObject.substring(1);
        sendRaw(withId);
        return awaitReply(id);
    }

    public JsonNode awaitReply(String id) {
        return await(frame -> id.equals(frame.path("id").asText(null))
                && (frame.path("type").asText().equals("ok") || frame.path("type").asText().equals("error")));
    }

    /** The next frame matching, from the frames skipped earlier first, then from the wire. */
    public JsonNode await(Predicate<JsonNode> matching) {
        for (int i = 0; i < skipped.size(); i++) {
            if (matching.test(skipped.get(i))) {
                return skipped.remove(i);
            }
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonNode frame = next(deadline);
            if (frame == null) {
                throw new AssertionError("no matching frame within " + TIMEOUT + "; skipped " + skipped.size()
                        + " frames, the last: " + abbreviated(skipped));
            }
            if (matching.test(frame)) {
                return frame;
            }
            skipped.add(frame);
        }
    }

    public JsonNode awaitType(String type) {
        return await(frame -> type.equals(frame.path("type").asText()));
    }

    /** The next frame from the wire (not from skipped frames), or an assertion error after the timeout. */
    public JsonNode nextFrame() {
        JsonNode frame = next(System.nanoTime() + TIMEOUT.toNanos());
        if (frame == null) {
            throw new AssertionError("no frame within " + TIMEOUT);
        }
        return frame;
    }

    /** Frames already received and not yet consumed, without waiting. */
    public List<JsonNode> drainReceived() {
        List<JsonNode> frames = new ArrayList<>(skipped);
        skipped.clear();
        List<String> raw = new ArrayList<>();
        inbox.drainTo(raw);
        for (String text : raw) {
            frames.add(parse(text));
        }
        return frames;
    }

    private JsonNode next(long deadlineNanos) {
        try {
            long wait = deadlineNanos - System.nanoTime();
            String text = wait <= 0 ? inbox.poll() : inbox.poll(wait, TimeUnit.NANOSECONDS);
            return text == null ? null : parse(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("server sent a frame that is not JSON", e);
        }
    }

    /** Waits for the server to close the connection and returns its close code. */
    public int awaitClose() {
        return closeCode.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** Drops the TCP connection without a close handshake, as a crashed client would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }

    /** The last few skipped frames, each cut short: a failure report must stay readable. */
    private static String abbreviated(List<JsonNode> frames) {
        StringBuilder out = new StringBuilder();
        for (JsonNode frame : frames.subList(Math.max(0, frames.size() - 5), frames.size())) {
            String text = frame.toString();
            out.append(text.length() > 300 ? text.substring(0, 300) + "…" : text).append(' ');
        }
        return out.toString();
    }
}
