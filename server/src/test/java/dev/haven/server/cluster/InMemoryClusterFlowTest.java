package dev.haven.server.cluster;

import static dev.haven.server.cluster.StoreContract.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.FrameEncoder;
import dev.haven.server.delivery.FrameRelay;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.RoomExecutor;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one process, sharing an in-memory store and a clock the test moves: Sam is on
 * the node that owns the lounge, Robin on the other. When Robin's node dies, Robin leaves the
 * room once the node's time to live has run out.
 */
class InMemoryClusterFlowTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryCluster cluster = new InMemoryCluster(clock, 200, Duration.ofHours(1));
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Frames that are their JSON, for a server without Netty. */
    private record JsonFrame(byte[] json) implements OutboundFrame {
        @Override
        public void release() {
        }
    }

    private static final class JsonFrames implements FrameEncoder, FrameRelay {
        @Override
        public OutboundFrame encode(ServerMessage event) {
            return new JsonFrame(CODEC.encode(event));
        }

        @Override
        public byte[] json(OutboundFrame frame) {
            return ((JsonFrame) frame).json();
        }

        @Override
        public OutboundFrame frame(byte[] json) {
            return new JsonFrame(json);
        }
    }

    /** A room thread of its own for each node, as the server's event loops are. */
    private static final class RoomThread implements RoomExecutor, AutoCloseable {
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

        @Override
        public void execute(Runnable task) {
            thread.execute(task);
        }

        @Override
        public Runnable schedule(Runnable task, Duration delay) {
            ScheduledFuture<?> future = thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    /** A member's connection: every reply and event it receives, as JSON. */
    private static final class Member implements Session {
        private final Identity identity;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();

        Member(String id, String name) {
            this.identity = new Identity(id, name, Role.MEMBER, null, true);
        }

        @Override
        public Identity identity() {
            return identity;
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public void deliver(OutboundFrame frame) {
            add(((JsonFrame) frame).json());
        }

        @Override
        public void send(ServerMessage message) {
            add(CODEC.encode(message));
        }

        Consumer<ServerMessage> replies() {
            return this::send;
        }

        private void add(byte[] json) {
            try {
                received.add(JSON.readTree(json));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        JsonNode await(String type, String field, String value) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> find(type, field, value) != null);
            return find(type, field, value);
        }

        private JsonNode find(String type, String field, String value) {
            return received.stream().filter(f -> f.path("type").asText().equals(type)
                    && f.at(field).asText().equals(value)).findFirst().orElse(null);
        }
    }

    private final List<RoomRegistry> nodes = new ArrayList<>();

    private ClusterNode node(String id) {
        RoomThread rooms = new RoomThread();
        JsonFrames frames = new JsonFrames();
        RoomRegistry registry = new RoomRegistry(TestServer.config(200), () -> rooms, clock, frames);
        ClusterNode node = ClusterNode.start(cluster.node(new NodeId(id)), registry, frames, clock);
        opened.add(rooms);
        opened.add(node);
        nodes.add(registry);
        return node;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void robinOnTheOtherNode_talksWithSam_andLeavesWhenHisNodeDies() {
        ClusterNode first = node("node-a");
        ClusterNode second = node("node-b");
        Member sam = new Member("guest-sam", "Sam");
        Member robin = new Member("guest-robin", "Robin");

        nodes.get(0).handle("lounge").join(sam, new Join("j1", "lounge", null, null), sam.replies());
        sam.await("ok", "/id", "j1");
        nodes.get(1).handle("lounge").join(robin, new Join("j2", "lounge", null, null), robin.replies());
        JsonNode joined = robin.await("ok", "/id", "j2");
        assertThat(joined.path("members").findValuesAsText("name")).containsExactly("Sam", "Robin");
        sam.await("presence", "/member/name", "Robin");

        nodes.get(1).handle("lounge").send(robin, new Send("s1", "lounge", "hello Sam", "c-1", null), robin.replies());
        assertThat(robin.await("ok", "/id", "s1").path("seq").asLong()).isEqualTo(1);
        assertThat(sam.await("message", "/text", "hello Sam").path("seq").asLong()).isEqualTo(1);
        assertThat(robin.await("message", "/text", "hello Sam").path("from").path("name").asText()).isEqualTo("Robin");

        second.close();
        clock.advance(Duration.ofSeconds(6));
        get(first.renewNow());
        clock.advance(Duration.ofSeconds(5));
        get(first.beatNow());
        JsonNode left = sam.await("presence", "/event", "leave");
        assertThat(left.path("member").path("name").asText()).isEqualTo("Robin");
        assertThat(first.self()).isEqualTo(new NodeId("node-a"));
    }
}
