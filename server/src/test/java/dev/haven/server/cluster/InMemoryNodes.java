package dev.haven.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.FrameEncoder;
import dev.haven.server.delivery.FrameRelay;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.RoomExecutor;
import dev.haven.server.room.RoomHandle;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.RoomThread;
import dev.haven.server.testing.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Nodes of a cluster in one process, sharing an in-memory store and a clock the test moves,
 * each with the test configuration's rooms on a room thread of its own; and members, whose
 * connections record every reply and event as JSON. Close it after the test.
 */
final class InMemoryNodes implements AutoCloseable {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    final InMemoryCluster cluster = new InMemoryCluster(clock, 200, Duration.ofHours(1));
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** One node: the cluster's side, its rooms, and the thread its rooms run on. */
    record Node(ClusterNode cluster, RoomRegistry registry, RoomExecutor thread) {
        RoomHandle room(String id) {
            return registry.handle(id);
        }

        /** Whether this node serves the room now (its tenure's room is loaded). */
        boolean serves(String id) {
            ClusteredRoom room = cluster.room(id);
            return room != null && room.servingRoom() != null;
        }
    }

    Node start(String id) {
        RoomThread rooms = new RoomThread();
        JsonFrames frames = new JsonFrames();
        RoomRegistry registry = new RoomRegistry(TestServer.config(200), StandbyExecutor::new, clock, frames);
        ClusterNode node = ClusterNode.start(cluster.node(new NodeId(id)), registry, () -> rooms, frames, clock,
                new dev.haven.server.state.StateWrites());
        opened.add(rooms);
        opened.add(node);
        return new Node(node, registry, rooms);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

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

    /** A member's connection: every reply and event it receives, as JSON. */
    static final class Member implements Session {
        private final Identity identity;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();

        Member(String id, String name) {
            this(id, name, Role.MEMBER);
        }

        Member(String id, String name, Role role) {
            this.identity = new Identity(id, name, role, null, true);
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

        /** The reply to this request, or null while there is none. */
        JsonNode replyTo(String requestId) {
            return received.stream().filter(f -> f.path("id").asText().equals(requestId)).findFirst().orElse(null);
        }

        List<JsonNode> all(String type) {
            return received.stream().filter(f -> f.path("type").asText().equals(type)).toList();
        }

        private JsonNode find(String type, String field, String value) {
            return received.stream().filter(f -> f.path("type").asText().equals(type)
                    && f.at(field).asText().equals(value)).findFirst().orElse(null);
        }
    }
}
