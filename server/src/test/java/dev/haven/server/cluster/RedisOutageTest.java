package dev.haven.server.cluster;

import static dev.haven.server.cluster.StoreContract.T0;
import static dev.haven.server.cluster.StoreContract.failure;
import static dev.haven.server.cluster.StoreContract.get;
import static dev.haven.server.cluster.StoreContract.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.haven.server.config.ClusterSettings;
import dev.haven.server.testing.RedisServerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis goes away and comes back empty, as one without persistence does: the nodes notice, refuse, and recover by themselves. */
class RedisOutageTest {
    private static final String PASSWORD = "outage-test-password";

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension(PASSWORD);

    private final List<ClusterStores> opened = new CopyOnWriteArrayList<>();

    private ClusterStores connect(NodeId id, String uri) {
        ClusterStores stores = RedisStores.connect(new ClusterSettings.Redis(uri), id, 100, Duration.ofHours(1));
        opened.add(stores);
        return stores;
    }

    @AfterEach
    void closeNodes() throws IOException {
        opened.forEach(ClusterStores::close);
        redis.start();
    }

    @Test
    void redisStopped_nodeDegradesRefusesAtOnce_thenRecoversByItself() throws IOException {
        ClusterStores a = connect(new NodeId("node-a"), redis.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> a.health().up());
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        a.health().onChange(changes::add);
        Lease lease = get(a.leases().acquire("lounge", a.node(), Duration.ofSeconds(30))).orElseThrow();
        get(a.log().open(lease, 0));

        redis.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.health().up());
        long asked = System.nanoTime();
        assertThat(failure(a.log().append(lease, StoreContract.entry(1, "u1", "c-1", T0))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
        assertThat(a.health().retryAfterMillis()).isPositive();

        redis.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> a.health().up());
        assertThat(changes).containsExactly(false, true);
        // Redis came back empty: the lease and the log are gone, the scripts run again.
        assertThat(failure(a.log().append(lease, StoreContract.entry(1, "u1", "c-1", T0))))
                .isInstanceOf(FencedException.class);
        Lease again = get(a.leases().acquire("lounge", a.node(), Duration.ofSeconds(30))).orElseThrow();
        assertThat(again.epoch()).isGreaterThan(lease.epoch());
        assertThat(get(a.log().read("lounge", 0))).isEmpty();
        assertThat(get(a.log().open(again, 7)).created()).isTrue();
        assertThat(get(a.log().append(again, StoreContract.entry(8, "u1", "c-1", T0))).outcome())
                .isEqualTo(RoomLog.Outcome.APPENDED);
    }

    @Test
    void nodeStartedWhileRedisIsAway_startsDegraded_andConnectsWhenItComes() throws IOException {
        redis.stop();
        ClusterStores a = connect(new NodeId("node-a"), redis.uri());
        assertThat(a.health().up()).isFalse();
        assertThat(failure(a.leases().holder("lounge"))).isInstanceOf(StoreUnavailableException.class);
        redis.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> a.health().up());
        assertThat(get(a.leases().acquire("lounge", a.node(), Duration.ofSeconds(30)))).isPresent();
    }

    @Test
    void wrongPassword_neverComesUp() {
        String wrong = redis.uri().replace(PASSWORD, "not-the-password");
        ClusterStores a = connect(new NodeId("node-a"), wrong);
        assertThat(a.health().up()).isFalse();
        assertThat(failure(a.nodes().live())).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void inbox_readsOnAfterRedisCameBack_andReportsWhatWasLostMeanwhile() throws IOException {
        ClusterStores a = connect(new NodeId("node-a"), redis.uri());
        ClusterStores b = connect(new NodeId("node-b"), redis.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> a.health().up() && b.health().up());
        RecordingInbox atB = RecordingInbox.listeningTo(b);
        get(a.bus().send(b.node(), utf8("before")));
        atB.awaitCount(1);

        redis.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.health().up());
        CompletableFuture<Void> duringOutage = a.bus().send(b.node(), utf8("during"));
        assertThat(failure(duringOutage)).isInstanceOf(StoreUnavailableException.class);

        redis.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> a.health().up());
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> a.bus().send(b.node(), utf8("after")).get() == null);
        atB.awaitCount(2);
        assertThat(atB.from(a.node())).containsExactly("before", "after");
        assertThat(atB.lost()).containsExactly(a.node());
    }
}
