package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.model.Role;
import dev.haven.server.Main;
import dev.haven.server.auth.TokenService;
import dev.haven.server.testing.ProcessOutput;
import dev.haven.server.testing.RedisServerExtension;
import dev.haven.server.testing.TestServer;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Haven nodes, each its own JVM, share one real Redis. The room's owner is killed with
 * SIGKILL while members connected to the other node send; the other node takes the room over
 * from the Redis log. Among the messages that were answered {@code ok}: none lost, none
 * duplicated, none reordered; a reader on the surviving node, rejoining with {@code since},
 * catches up exactly, and so does a newcomer.
 *
 * <p>CI runs {@value #CI_SENDS} sends ({@code mvn verify}). The full run:
 * {@code mvn -B -pl server -am verify -Dtest=ClusterChaosTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhaven.chaos.sends=100000} (see docs/architecture.md).
 */
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class ClusterChaosTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final int CI_SENDS = 3000;
    private static final int SENDS = Integer.getInteger("haven.chaos.sends", CI_SENDS);
    private static final int SENDERS = 4;
    private static final String ROOM = "open-lounge";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long the sends may take in all: generous on a loaded 2-core machine, and bounded. */
    private static final Duration SENDING = Duration.ofMinutes(5).plusMillis(SENDS * 30L);
    private static final Pattern JOINED = Pattern.compile("node (\\S+) joined the cluster");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final TokenService tokens = new TokenService(TestServer.SECRET.getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC());
    private final List<Process> processes = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();

    private record Node(Process process, ProcessOutput output, int port, String id) {
    }

    @AfterEach
    void stop() throws Exception {
        synchronized (wires) {
            wires.forEach(Wire::close);
        }
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        RedisClient admin = RedisClient.create(redis.uri());
        try (var connection = admin.connect()) {
            connection.sync().flushall();
        } finally {
            admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private Node start(String name) throws IOException, InterruptedException {
        return start(name, "");
    }

    private Node start(String name, String moreConfig) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(home.resolve(name));
        Path config = dir.resolve("haven.yaml");
        // The senders send as fast as the room answers: the per-connection rates are not what is tested here.
        Files.writeString(config, moreConfig + """
                limits:
                  sendPerSecond: 100000
                  sendBurst: 100000
                  framesPerSecond: 100000
                  frameBurst: 100000
                  outboundQueueBytes: 268435456
                history:
                  maxMessages: 10000
                  maxBytes: 67108864
                """);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString(), "--port", "0").redirectErrorStream(true);
        builder.environment().put("HAVEN_TOKEN_SECRET", TestServer.SECRET);
        builder.environment().put("HAVEN_REDIS_URI", redis.uri());
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("HAVEN_STATE_DIR", dir.resolve("state").toString());
        builder.environment().put("HAVEN_LOG_LEVEL", "INFO");
        Process process = builder.start();
        processes.add(process);
        ProcessOutput output = ProcessOutput.follow(process);
        int port = output.awaitPort(PATIENCE);
        String id = output.lines().stream().map(JOINED::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("the node did not say it joined the cluster"));
        return new Node(process, output, port, id);
    }

    private Wire connect(Node node, String user, Consumer<JsonNode> frames) {
        return connect(node, user, Role.MEMBER, frames);
    }

    private Wire connect(Node node, String user, Role role, Consumer<JsonNode> frames) {
        Wire wire = Wire.open(node.port(), tokens.sign(user, user, role, null, Duration.ofHours(1)), frames);
        synchronized (wires) {
            wires.add(wire);
        }
        return wire;
    }

    @Test
    void theOwnerIsKilledDuringSends_noAcceptedMessageIsLostDuplicatedOrReordered_andCatchUpIsExact()
            throws Exception {
        Node owner = start("owner");
        Wire first = connect(owner, "m-first", frame -> { });
        JsonNode firstJoin = first.request("{\"type\":\"join\",\"room\":\"" + ROOM + "\",\"acceptGuidelines\":true}");
        assertThat(firstJoin.path("type").asText()).as(firstJoin.toString()).isEqualTo("ok");
        Node survivor = start("survivor");
        assertThat(leaseHolder()).as("the first node that needed the room owns it").isEqualTo(owner.id());

        Reader reader = new Reader(survivor);
        reader.joinAt(0);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        AtomicInteger acceptedCount = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Sender sender = new Sender(survivor, "m-sender-" + s);
            senders.add(threads.submit(() -> sender.run(SENDS / SENDERS, accepted, acceptedCount)));
        }
        long killAt = SENDS / 3;
        while (acceptedCount.get() < killAt && senders.stream().noneMatch(Future::isDone)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        owner.process().destroyForcibly();
        assertThat(owner.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        int acceptedBeforeKill = acceptedCount.get();
        // The reader rejoins as soon as it is sent away, as a client does: its catch-up must fit the history.
        while (senders.stream().anyMatch(sender -> !sender.isDone())) {
            reader.rejoinIfSentAway();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        for (Future<?> sender : senders) {
            sender.get(SENDING.toMinutes() + 1, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(acceptedBeforeKill).as("the kill came while the senders sent").isLessThan(SENDS);
        assertThat(accepted).hasSize(SENDERS * (SENDS / SENDERS));
        assertThat(new HashSet<>(accepted.values())).as("one seq per accepted message: none duplicated")
                .hasSize(accepted.size());
        long last = accepted.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        List<JsonNode> seen = reader.awaitThrough(last);
        List<Long> seqs = seen.stream().map(m -> m.path("seq").asLong()).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("the reader's messages in order, each once, no gap").isEqualTo(seqs.get(i - 1) + 1);
        }
        Map<Long, String> textBySeq = new HashMap<>();
        seen.forEach(m -> textBySeq.put(m.path("seq").asLong(), m.path("text").asText()));
        accepted.forEach((clientId, seq) -> assertThat(textBySeq.get(seq))
                .as("accepted message %s (seq %s) reached the reader", clientId, seq).isEqualTo(textOf(clientId)));
        assertThat(seen.stream().map(m -> m.path("text").asText()).distinct().count())
                .as("no text twice, accepted or not").isEqualTo(seen.size());

        int tail = (int) Math.min(1000, last);
        Wire newcomer = connect(survivor, "m-newcomer", frame -> { });
        JsonNode caughtUp = newcomer.request("{\"type\":\"join\",\"room\":\"" + ROOM + "\",\"acceptGuidelines\":true,\"since\":" + (last - tail) + "}");
        assertThat(caughtUp.path("gap").asBoolean()).isFalse();
        List<Long> history = new ArrayList<>();
        caughtUp.path("history").forEach(m -> history.add(m.path("seq").asLong()));
        assertThat(history).as("exact catch-up from the node that took the room over")
                .isEqualTo(seqs.subList(seqs.indexOf(last - tail + 1), seqs.indexOf(last) + 1));
        assertThat(reader.rejoins.get()).as("the reader was sent to rejoin when the owner died").isPositive();
    }

    @Test
    void theOwnerIsKilled_aBanAndATimedMuteHold_andTheSessionStaysOpen_onTheNodeThatTakesTheRoomOver()
            throws Exception {
        String group = """
                rooms:
                  - id: evening-group
                    name: Evening Group
                    category: condition
                    topic: Thursdays
                    capacity: 20
                    region: US
                    requireFacilitator: true
                """;
        Node owner = start("owner", group);
        Wire fran = connect(owner, "fac-fran", Role.FACILITATOR, frame -> { });
        assertThat(fran.request(join("evening-group", "")).path("type").asText()).isEqualTo("ok");
        assertThat(fran.request("{\"type\":\"open_session\",\"room\":\"evening-group\"}").path("type").asText())
                .isEqualTo("ok");
        Node survivor = start("survivor", group);
        assertThat(leaseHolder("evening-group")).isEqualTo(owner.id());
        Wire alice = connect(survivor, "m-alice", frame -> { });
        Wire bob = connect(survivor, "m-bob", frame -> { });
        assertThat(alice.request(join("evening-group", "")).path("type").asText()).isEqualTo("ok");
        assertThat(bob.request(join("evening-group", "")).path("type").asText()).isEqualTo("ok");
        assertThat(fran.request("{\"type\":\"ban\",\"room\":\"evening-group\",\"user\":\"m-bob\"}")
                .path("type").asText()).isEqualTo("ok");
        assertThat(fran.request("{\"type\":\"mute\",\"room\":\"evening-group\",\"user\":\"m-alice\",\"seconds\":600}")
                .path("type").asText()).isEqualTo("ok");

        owner.process().destroyForcibly();
        assertThat(owner.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        JsonNode[] rejoined = new JsonNode[1];
        joined(survivor, "fac-fran", Role.FACILITATOR, join("evening-group", ""), rejoined);
        assertThat(leaseHolder("evening-group")).as("the survivor took the room over").isEqualTo(survivor.id());
        assertThat(rejoined[0].path("room").path("state").asText()).as("the session stays open").isEqualTo("open");
        Wire aliceBack = joined(survivor, "m-alice", Role.MEMBER, join("evening-group", ""), new JsonNode[1]);
        assertThat(aliceBack.request("{\"type\":\"send\",\"room\":\"evening-group\",\"text\":\"am I heard?\"}")
                .path("code").asText()).as("the timed mute holds").isEqualTo("muted");
        Wire bobBack = connect(survivor, "m-bob", frame -> { });
        assertThat(bobBack.request(join("evening-group", "")).path("code").asText()).as("the ban holds")
                .isEqualTo("banned");
    }

    private static String join(String room, String more) {
        return "{\"type\":\"join\",\"room\":\"" + room + "\",\"acceptGuidelines\":true" + more + "}";
    }

    /**
     * A connection of {@code user} to the node whose {@code join} was answered ok: asked again
     * after retryAfterMs, and on a new connection when the node closed this one (1012) while the
     * room moved to its next owner.
     */
    private Wire joined(Node node, String user, Role role, String join, JsonNode[] reply) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Wire wire = connect(node, user, role, frame -> { });
        while (true) {
            assertThat(System.nanoTime()).as("%s rejoins in time", user).isLessThan(deadline);
            try {
                JsonNode answer = wire.request(join);
                if (answer.path("type").asText().equals("ok")) {
                    reply[0] = answer;
                    return wire;
                }
                // As a client must: wait what the server asked before trying again.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(100, answer.path("retryAfterMs").asLong())));
            } catch (Closed closed) {
                wire = connect(node, user, role, frame -> { });
            }
        }
    }

    private String leaseHolder() {
        return leaseHolder(ROOM);
    }

    private String leaseHolder(String room) {
        RedisClient admin = RedisClient.create(redis.uri());
        try (var connection = admin.connect()) {
            String lease = connection.sync().get("haven:{" + room + "}:lease");
            return lease == null ? null : lease.substring(0, lease.lastIndexOf('|'));
        } finally {
            admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static String textOf(String clientId) {
        return "message " + clientId;
    }

    /** A member who sends one message after another, each with its clientId until it is answered ok. */
    private final class Sender {
        private final Node node;
        private final String user;
        private Wire wire;

        Sender(Node node, String user) {
            this.node = node;
            this.user = user;
        }

        void run(int count, Map<String, Long> accepted, AtomicInteger acceptedCount) {
            long deadline = System.nanoTime() + SENDING.toNanos();
            for (int i = 0; i < count; i++) {
                String clientId = user + "-" + i;
                while (true) {
                    assertThat(System.nanoTime()).as("sends go on within the time bound").isLessThan(deadline);
                    JsonNode reply = sendOnce(clientId);
                    if (reply != null && reply.path("type").asText().equals("ok")) {
                        Long before = accepted.put(clientId, reply.path("seq").asLong());
                        assertThat(before).as("%s answered ok once", clientId).isNull();
                        acceptedCount.incrementAndGet();
                        break;
                    }
                    if (reply != null && reply.has("retryAfterMs")) {
                        // As a client must: wait what the server asked before trying again.
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(2000, reply.path("retryAfterMs").asLong())));
                    } else if (reply != null && !reply.path("code").asText().equals("not_in_room")) {
                        throw new AssertionError("unexpected reply to a send: " + reply);
                    } else {
                        wire = null;
                    }
                }
            }
        }

        /** The reply, or null when the connection closed or the room must be joined again. */
        private JsonNode sendOnce(String clientId) {
            try {
                if (wire == null || wire.closed.isDone()) {
                    wire = connect(node, user, frame -> { });
                    JsonNode joined = wire.request("{\"type\":\"join\",\"room\":\"" + ROOM + "\",\"acceptGuidelines\":true}");
                    if (!joined.path("type").asText().equals("ok")) {
                        return joined.has("retryAfterMs") ? joined : null;
                    }
                }
                return wire.request("{\"type\":\"send\",\"room\":\"" + ROOM + "\",\"acceptGuidelines\":true,\"text\":\"" + textOf(clientId)
                        + "\",\"clientId\":\"" + clientId + "\"}");
            } catch (Closed | IllegalStateException e) {
                wire = null;
                return null;
            }
        }
    }

    /** A member on the surviving node who reads everything, rejoining with since when sent away. */
    private final class Reader {
        private final Node node;
        private final List<JsonNode> seen = new ArrayList<>();
        private final AtomicInteger rejoins = new AtomicInteger();
        private volatile Wire wire;

        Reader(Node node) {
            this.node = node;
        }

        /** Joins (again) after {@code since}; history and live messages go to {@link #seen} in the wire's order. */
        void joinAt(long since) {
            long deadline = System.nanoTime() + PATIENCE.toNanos() * 2;
            while (true) {
                assertThat(System.nanoTime()).as("the reader rejoins in time").isLessThan(deadline);
                try {
                    wire = connect(node, "m-reader", this::frame);
                    JsonNode joined = wire.request("{\"type\":\"join\",\"room\":\"" + ROOM + "\",\"acceptGuidelines\":true,\"since\":" + since + "}");
                    if (joined.path("type").asText().equals("ok")) {
                        assertThat(joined.path("gap").asBoolean()).as("catch-up after %s has no gap", since).isFalse();
                        return;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(100, joined.path("retryAfterMs").asLong())));
                } catch (Closed | IllegalStateException e) {
                    // the node sent the reader away again while the room moved: once more
                }
            }
        }

        /** Called on the wire's thread, in order: a join's history, then the messages that follow it. */
        private void frame(JsonNode frame) {
            String type = frame.path("type").asText();
            synchronized (seen) {
                if (type.equals("ok") && frame.has("history")) {
                    frame.path("history").forEach(seen::add);
                } else if (type.equals("message")) {
                    seen.add(frame);
                }
                seen.notifyAll();
            }
        }

        private long lastSeq() {
            synchronized (seen) {
                return seen.isEmpty() ? 0 : seen.get(seen.size() - 1).path("seq").asLong();
            }
        }

        /** Joins again after the last message it has, if the node closed its connection. */
        void rejoinIfSentAway() {
            if (wire.closed.isDone()) {
                rejoins.incrementAndGet();
                joinAt(lastSeq());
            }
        }

        /** Every message through {@code seq}, rejoining with since whenever the node closes the connection. */
        List<JsonNode> awaitThrough(long seq) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos() * 2;
            while (lastSeq() < seq) {
                assertThat(System.nanoTime()).as("the reader reaches seq %s", seq).isLessThan(deadline);
                rejoinIfSentAway();
                synchronized (seen) {
                    seen.wait(100);
                }
            }
            synchronized (seen) {
                return List.copyOf(seen);
            }
        }
    }

    /** The connection's close came before the reply. */
    private static final class Closed extends RuntimeException {
        Closed() {
            super("closed", null, false, false);
        }
    }

    /**
     * One WebSocket connection that keeps nothing: replies complete their request, every frame
     * goes to {@code frames} on the listener's thread in the order of the wire.
     */
    private static final class Wire implements WebSocket.Listener, AutoCloseable {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final Map<String, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private final Consumer<JsonNode> frames;
        private WebSocket socket;

        private Wire(Consumer<JsonNode> frames) {
            this.frames = frames;
        }

        static Wire open(int port, String token, Consumer<JsonNode> frames) {
            Wire wire = new Wire(frames);
            try {
                wire.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), wire).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot connect", e);
            }
            JsonNode hello = wire.request("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
            if (!hello.path("type").asText().equals("ok")) {
                throw new IllegalStateException("hello refused: " + hello);
            }
            return wire;
        }

        JsonNode request(String json) {
            String id = "r" + ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            replies.put(id, reply);
            if (closed.isDone()) {
                throw new Closed();
            }
            try {
                socket.sendText("{\"id\":\"" + id + "\"," + json.substring(1), true).get(10, TimeUnit.SECONDS);
                return reply.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new Closed();
            } catch (TimeoutException e) {
                throw new AssertionError("no reply within 20 s to " + json.replaceAll("\"text\":\"[^\"]*\"", ""));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                replies.remove(id);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame;
                try {
                    frame = JSON.readTree(partial.toString());
                } catch (IOException e) {
                    throw new AssertionError("not JSON", e);
                }
                partial.setLength(0);
                frames.accept(frame);
                CompletableFuture<JsonNode> waiting = frame.has("id") ? replies.get(frame.path("id").asText()) : null;
                if (waiting != null) {
                    waiting.complete(frame);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended(-1);
        }

        private void ended(int code) {
            closed.complete(code);
            replies.values().forEach(reply -> reply.completeExceptionally(new Closed()));
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
