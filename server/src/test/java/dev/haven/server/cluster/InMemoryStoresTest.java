package dev.haven.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest extends StoreContract {
    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
    private final InMemoryCluster cluster = new InMemoryCluster(clock, MAX_MESSAGES, MAX_AGE);
    private final List<ClusterStores> opened = new ArrayList<>();

    @Override
    ClusterStores node(NodeId id) {
        ClusterStores stores = cluster.node(id);
        opened.add(stores);
        return stores;
    }

    @AfterEach
    void closeNodes() {
        opened.forEach(ClusterStores::close);
    }

    @Test
    void lease_lapsesAfterItsTimeToLive() {
        ClusterStores a = node(A);
        Lease lease = claim(a, "lounge");
        clock.advance(TTL.minusMillis(1));
        assertThat(get(a.leases().holder("lounge"))).contains(lease);
        clock.advance(Duration.ofMillis(1));
        assertThat(get(a.leases().holder("lounge"))).isEmpty();
        assertThat(get(a.leases().renew(lease, TTL))).isFalse();
        assertThat(claim(node(B), "lounge").epoch()).isEqualTo(lease.epoch() + 1);
    }

    @Test
    void nodes_lapseAfterTheirTimeToLive() {
        ClusterStores a = node(A);
        get(a.nodes().beat(A, TTL));
        get(a.nodes().beat(B, TTL.multipliedBy(2)));
        clock.advance(TTL);
        assertThat(get(a.nodes().live())).containsExactly(B);
    }

    @Test
    void log_quietForMaxAge_itsMessagesLapseTogether_asAGap() {
        ClusterStores a = node(A);
        get(a.log().append(openLog(a, "lounge"), entry(1, "u1", "c-1", T0)));
        clock.advance(MAX_AGE);
        RoomLog.Held held = get(a.log().read("lounge", 0)).orElseThrow();
        assertThat(held.entries()).isEmpty();
        assertThat(held.gapAfter(0)).isTrue();
        Lease later = claim(a, "lounge");
        assertThat(get(a.log().append(later, entry(2, "u1", "c-1", clock.millis()))).outcome())
                .isEqualTo(RoomLog.Outcome.APPENDED);
        assertThat(get(a.log().read("lounge", 0)).orElseThrow().gapAfter(0)).isTrue();
    }

    @Test
    void clear_losesEverything_likeARedisRestartedEmpty() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        get(a.log().append(lease, entry(1, "u1", null, T0)));
        cluster.clear();
        clock.advance(Duration.ofMillis(5));
        assertThat(get(a.log().read("lounge", 0))).isEmpty();
        assertThat(failure(a.log().append(lease, entry(2, "u1", null, T0)))).isInstanceOf(FencedException.class);
        Lease again = claim(a, "lounge");
        assertThat(again.epoch()).as("a token is never reused").isGreaterThan(lease.epoch());
        assertThat(get(a.log().append(again, entry(2, "u1", null, T0))).outcome()).isEqualTo(RoomLog.Outcome.MISSING);
    }
}
