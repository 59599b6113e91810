package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.cluster.ClusterStores;
import dev.haven.server.cluster.Lease;
import dev.haven.server.cluster.NodeId;
import dev.haven.server.cluster.RedisStores;
import dev.haven.server.config.ClusterSettings;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.state.StateWrites;
import dev.haven.server.testing.RedisServerExtension;
import dev.haven.server.testing.RoomThread;
import dev.haven.server.testing.TestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A room's state in Redis, as a cluster keeps it: node A owns the room and writes through under
 * its lease; A goes, node B claims the room and its new {@link Room} loads the state (what
 * {@code DurableState.restoreFrom} gives the cluster at takeover); A, if it still runs, is
 * fenced. Each room runs on a thread of its own, as on a server, against a real redis-server.
 */
class TakeoverStateTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private static final String ROOM = "group";
    private static final Duration TTL = Duration.ofSeconds(30);

    private final HavenConfig config = TestServer.config(100);
    private final RoomSettings settings = new RoomSettings(ROOM, "Evening Group", RoomCategory.CONDITION, "t",
            List.of(), 20, null, false, "US", null, null, true, null);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final StateWrites health = new StateWrites();
    private final FakeSession fran = session("fac-fran", "Fran", Role.FACILITATOR);
    private final FakeSession alice = session("m-alice", "Alice", Role.MEMBER);
    private final FakeSession bob = session("m-bob", "Bob", Role.MEMBER);
    private ClusterStores nodeA;
    private ClusterStores nodeB;


    @BeforeEach
    void connect() {
        try (RedisClient admin = RedisClient.create(redis.uri());
             StatefulRedisConnection<String, String> connection = admin.connect()) {
            connection.sync().flushall();
        }
        nodeA = node("node-a");
        nodeB = node("node-b");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private ClusterStores node(String id) {
        ClusterStores stores = RedisStores.connect(new ClusterSettings.Redis(redis.uri()), new NodeId(id), 100,
                Duration.ofHours(1));
        opened.add(stores);
        await().atMost(Duration.ofSeconds(10)).until(() -> stores.health().up());
        return stores;
    }

    private Room room() {
        RoomThread thread = new RoomThread();
        opened.add(thread);
        return new Room(settings, config, thread, Clock.systemUTC(), new FakeFrameEncoder());
    }

    private static FakeSession session(String id, String name, Role role) {
        return new FakeSession(new Identity(id, name, role, null, false));
    }

    private static Lease claim(ClusterStores node) {
        return get(node.leases().acquire(ROOM, node.node(), TTL)).orElseThrow();
    }

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ServerMessage call(Consumer<Consumer<ServerMessage>> action) {
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        action.accept(reply::complete);
        return get(reply);
    }

    private static ServerMessage join(Room room, FakeSession session) {
        return call(reply -> room.join(session, new Join("j", ROOM, null, true), reply));
    }

    private static ServerMessage command(Room room, FakeSession session, RoomRequest request) {
        return call(reply -> room.command(session, request, reply));
    }

    private static ErrorCode code(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    @Test
    void theNewOwner_loadsTheRoomFromRedis_andTheOldOwnerIsFenced() {
        Lease leaseA = claim(nodeA);
        Room onA = room();
        get(onA.durableState().restoreFrom(nodeA.state(), leaseA, health));
        for (FakeSession s : List.of(fran, alice, bob)) {
            assertThat(join(onA, s)).isInstanceOf(Ok.class);
        }
        assertThat(command(onA, fran, new OpenSession("o", ROOM))).isInstanceOf(Ok.class);
        assertThat(command(onA, fran, new Mute("m", ROOM, alice.identity().id(), 300L, "a pause")))
                .isInstanceOf(Ok.class);
        assertThat(command(onA, fran, new Ban("b", ROOM, bob.identity().id(), null, "abuse"))).isInstanceOf(Ok.class);
        Object auditOnA = ((AuditResult) ((Ok) command(onA, fran, new Audit("a", ROOM, null))).result()).entries();

        // A's lease ends (A died or handed the room over); B claims the room and loads it.
        get(nodeA.leases().release(leaseA));
        Lease leaseB = claim(nodeB);
        Room onB = room();
        get(onB.durableState().restoreFrom(nodeB.state(), leaseB, health));

        assertThat(onB.info().state()).isEqualTo(RoomState.OPEN);
        assertThat(code(join(onB, bob))).isEqualTo(ErrorCode.BANNED);
        assertThat(join(onB, alice)).isInstanceOf(Ok.class);
        assertThat(code(call(reply -> onB.send(alice, new Send("s", ROOM, "back", null), reply))))
                .isEqualTo(ErrorCode.MUTED);
        assertThat(join(onB, fran)).isInstanceOf(Ok.class);
        assertThat(((AuditResult) ((Ok) command(onB, fran, new Audit("a", ROOM, null))).result()).entries())
                .isEqualTo(auditOnA);

        // A, still running on its stale view, cannot write over B: its change is refused by Redis.
        assertThat(code(command(onA, fran, new Ban("b2", ROOM, alice.identity().id(), null, null))))
                .isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(health.failing()).isTrue();
        get(onA.durableState().release());
        assertThat(health.failing()).as("A stopped keeping the room").isFalse();
        Room again = room();
        get(again.durableState().restore(get(nodeB.state().load(ROOM))));
        assertThat(join(again, alice)).as("A's ban of Alice never reached Redis").isInstanceOf(Ok.class);
    }

    @Test
    void redisRestartedEmpty_theOwnerWritesTheRoomBack_underItsNewLease() {
        Lease lease = claim(nodeA);
        Room room = room();
        get(room.durableState().restoreFrom(nodeA.state(), lease, health));
        join(room, fran);
        join(room, bob);
        assertThat(command(room, fran, new Ban("b", ROOM, bob.identity().id(), null, "abuse"))).isInstanceOf(Ok.class);

        try (RedisClient admin = RedisClient.create(redis.uri());
             StatefulRedisConnection<String, String> connection = admin.connect()) {
            connection.sync().flushall();
        }
        assertThat(get(nodeA.state().load(ROOM))).isEmpty();
        Lease again = claim(nodeA);
        get(room.durableState().writeAllTo(nodeA.state(), again, health));

        Room onB = room();
        get(onB.durableState().restore(get(nodeB.state().load(ROOM))));
        assertThat(code(join(onB, bob))).isEqualTo(ErrorCode.BANNED);
    }
}
