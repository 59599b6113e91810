package dev.haven.server.cluster;

import static dev.haven.server.cluster.StoreContract.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private static final Duration TTL = Duration.ofSeconds(10);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryCluster cluster = new InMemoryCluster(clock, 100, Duration.ofHours(1));
    private final ClusterStores a = cluster.node(new NodeId("node-a"));
    private final ClusterStores b = cluster.node(new NodeId("node-b"));
    private final List<Lease> lostByA = new CopyOnWriteArrayList<>();
    private final LeaseKeeper keeperA = new LeaseKeeper(a.leases(), a.node(), clock, TTL, lostByA::add);
    private final LeaseKeeper keeperB = new LeaseKeeper(b.leases(), b.node(), clock, TTL, lease -> { });

    @Test
    void claim_onlyOneNodeOwnsTheRoom() {
        Lease lease = get(keeperA.claim("lounge")).orElseThrow();
        assertThat(get(keeperB.claim("lounge"))).isEmpty();
        assertThat(keeperA.valid("lounge")).isEqualTo(lease);
        assertThat(keeperB.valid("lounge")).isNull();
        assertThat(keeperA.held()).containsExactly(lease);
    }

    @Test
    void valid_endsBeforeTheStoreLetsAnotherNodeIn() {
        get(keeperA.claim("lounge"));
        clock.advance(Duration.ofSeconds(9).minusMillis(1));
        assertThat(keeperA.valid("lounge")).isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(keeperA.valid("lounge")).as("a tenth of the time to live is kept for clock drift").isNull();
        assertThat(get(keeperB.claim("lounge"))).as("the store still holds it for A").isEmpty();
    }

    @Test
    void renewAll_keepsTheRoomForAnotherTimeToLive() {
        get(keeperA.claim("lounge"));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(3));
            get(keeperA.renewAll());
        }
        assertThat(keeperA.valid("lounge")).isNotNull();
        assertThat(get(keeperB.claim("lounge"))).isEmpty();
        assertThat(lostByA).isEmpty();
    }

    @Test
    void renewAll_afterAnotherNodeTookTheRoom_losesIt() {
        Lease lease = get(keeperA.claim("lounge")).orElseThrow();
        clock.advance(TTL);
        Lease taken = get(keeperB.claim("lounge")).orElseThrow();
        get(keeperA.renewAll());
        assertThat(lostByA).containsExactly(lease);
        assertThat(keeperA.valid("lounge")).isNull();
        assertThat(keeperA.held()).isEmpty();
        assertThat(taken.epoch()).isGreaterThan(lease.epoch());
    }

    @Test
    void renewAll_storeUnreachable_keepsTheLeaseWhileValid_thenLosesIt() {
        FailingLeases failing = new FailingLeases(a.leases());
        LeaseKeeper keeper = new LeaseKeeper(failing, a.node(), clock, TTL, lostByA::add);
        Lease lease = get(keeper.claim("lounge")).orElseThrow();
        failing.down = true;
        clock.advance(Duration.ofSeconds(3));
        get(keeper.renewAll());
        assertThat(keeper.valid("lounge")).isEqualTo(lease);
        assertThat(lostByA).isEmpty();
        clock.advance(Duration.ofSeconds(6));
        get(keeper.renewAll());
        assertThat(keeper.valid("lounge")).isNull();
        assertThat(lostByA).containsExactly(lease);
    }

    @Test
    void releaseAll_letsAnotherNodeClaimAtOnce() {
        get(keeperA.claim("lounge"));
        get(keeperA.claim("circle"));
        get(keeperA.releaseAll());
        assertThat(keeperA.held()).isEmpty();
        assertThat(get(keeperB.claim("lounge"))).isPresent();
        assertThat(get(keeperB.claim("circle"))).isPresent();
        assertThat(lostByA).as("given up, not lost").isEmpty();
    }

    /** A store that stops answering when told to. */
    private static final class FailingLeases implements RoomLease {
        private final RoomLease real;
        volatile boolean down;

        FailingLeases(RoomLease real) {
            this.real = real;
        }

        private <T> CompletableFuture<T> orFail(CompletableFuture<T> call) {
            return down ? CompletableFuture.failedFuture(new StoreUnavailableException("down", null)) : call;
        }

        @Override
        public CompletableFuture<Optional<Lease>> acquire(String room, NodeId node, Duration ttl) {
            return orFail(real.acquire(room, node, ttl));
        }

        @Override
        public CompletableFuture<Boolean> renew(Lease lease, Duration ttl) {
            return down ? orFail(null) : real.renew(lease, ttl);
        }

        @Override
        public CompletableFuture<Boolean> release(Lease lease) {
            return orFail(real.release(lease));
        }

        @Override
        public CompletableFuture<Optional<Lease>> holder(String room) {
            return orFail(real.holder(room));
        }
    }
}
