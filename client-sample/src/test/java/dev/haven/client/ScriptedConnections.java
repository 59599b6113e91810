package dev.haven.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The connections a {@link ReconnectingClient} makes, each a real {@link HavenClient} over a
 * {@link FakeWebSocket}; the test plays the server: it reads what each sent and answers.
 */
final class ScriptedConnections implements ReconnectingClient.Connector {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jitter that always draws the longest wait allowed, so each delay is the backoff's ceiling. */
    static final RandomGenerator LONGEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** One connection, as the server side sees it. */
    static final class Connection {
        final HavenClient client;
        final FakeWebSocket socket;

        Connection(HavenClient client, FakeWebSocket socket) {
            this.client = client;
            this.socket = socket;
        }

        /** Every frame the client sent, parsed. */
        List<JsonNode> frames() {
            return socket.sent.stream().map(ScriptedConnections::parse).toList();
        }

        /** The last frame of this type the client sent. */
        JsonNode last(String type) {
            List<JsonNode> frames = frames().stream().filter(f -> type.equals(f.path("type").asText())).toList();
            if (frames.isEmpty()) {
                throw new AssertionError("no " + type + " frame was sent; sent: " + socket.sent);
            }
            return frames.get(frames.size() - 1);
        }

        /** Answers the last request of this type with {@code ok} and these result fields (a JSON object's inside). */
        void ok(String type, String fields) {
            String id = last(type).path("id").asText();
            client.onText("{\"type\":\"ok\",\"id\":\"" + id + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}");
        }

        void error(String type, String code, String message) {
            String id = last(type).path("id").asText();
            client.onText("{\"type\":\"error\",\"id\":\"" + id + "\",\"code\":\"" + code + "\",\"message\":\""
                    + message + "\"}");
        }

        void helloOk(String userId, String name) {
            ok("hello", "\"user\":{\"id\":\"" + userId + "\",\"name\":\"" + name + "\",\"role\":\"member\"},"
                    + "\"heartbeatSeconds\":30");
        }

        /** A guest's hello answered with the resume that makes it the same guest on a later connection. */
        void helloOk(String userId, String name, String resume) {
            ok("hello", "\"user\":{\"id\":\"" + userId + "\",\"name\":\"" + name + "\",\"role\":\"member\"},"
                    + "\"heartbeatSeconds\":30,\"resume\":\"" + resume + "\"");
        }

        /** Answers the last join with the room's seq, gap and held messages (by seq). */
        void joinOk(long seq, boolean gap, long... history) {
            StringBuilder messages = new StringBuilder();
            for (long m : history) {
                messages.append(messages.length() == 0 ? "" : ",").append(message("lounge", m));
            }
            ok("join", "\"room\":{\"id\":\"lounge\",\"name\":\"Lounge\",\"category\":\"general\",\"topic\":\"\","
                    + "\"tags\":[],\"members\":1,\"capacity\":10,\"locked\":false,\"admission\":\"open\","
                    + "\"slowModeSeconds\":0,\"moderated\":false},\"members\":[],\"history\":[" + messages
                    + "],\"seq\":" + seq + ",\"gap\":" + gap);
        }

        void event(String json) {
            client.onText(json);
        }

        /** The network broke: no close frame. */
        void drop() {
            client.onClosed(HavenClient.ABNORMAL_CLOSURE, "connection lost");
        }

        void closeFromServer(int code, String reason) {
            client.onClosed(code, reason);
        }
    }

    final List<Connection> made = new ArrayList<>();
    int refusals;
    /** Attempts whose opening the test completes by hand, via {@link #pending}. */
    boolean holdOpening;
    final List<CompletableFuture<HavenClient>> pending = new ArrayList<>();

    /** A message event as the server writes it; its time depends on seq alone. */
    static String message(String room, long seq) {
        return message(room, seq, 1000 + seq);
    }

    static String message(String room, long seq, long ts) {
        return "{\"type\":\"message\",\"room\":\"" + room + "\",\"seq\":" + seq
                + ",\"from\":{\"id\":\"u9\",\"name\":\"Kim\",\"role\":\"member\"},\"text\":\"m" + seq + "\",\"ts\":"
                + ts + "}";
    }

    @Override
    public CompletableFuture<HavenClient> connect(URI uri, HavenListener listener) {
        if (refusals > 0) {
            refusals--;
            return CompletableFuture.failedFuture(new ConnectException("Connection refused"));
        }
        HavenClient client = new HavenClient(listener);
        FakeWebSocket socket = new FakeWebSocket();
        client.attach(socket);
        made.add(new Connection(client, socket));
        if (holdOpening) {
            CompletableFuture<HavenClient> opening = new CompletableFuture<>();
            pending.add(opening);
            return opening.thenApply(ignored -> client);
        }
        return CompletableFuture.completedFuture(client);
    }

    Connection latest() {
        return made.get(made.size() - 1);
    }

    private static JsonNode parse(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
