package dev.haven.server.cluster;

import static dev.haven.server.cluster.StoreContract.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveNodesTest {
    private static final Duration TTL = Duration.ofSeconds(10);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryCluster cluster = new InMemoryCluster(clock, 100, Duration.ofHours(1));
    private final NodeId a = new NodeId("node-a");
    private final NodeId b = new NodeId("node-b");
    private final List<Set<NodeId>> goneSeenByA = new CopyOnWriteArrayList<>();
    private final Set<NodeId> watchedByA = new java.util.HashSet<>();
    private final LiveNodes liveA = new LiveNodes(cluster.node(a).nodes(), a, TTL, () -> Set.copyOf(watchedByA),
            goneSeenByA::add);
    private final LiveNodes liveB = new LiveNodes(cluster.node(b).nodes(), b, TTL, Set::of, gone -> { });

    @Test
    void beat_seesEveryLiveNode() {
        get(liveA.beat());
        get(liveB.beat());
        assertThat(get(liveA.beat())).containsExactlyInAnyOrder(a, b);
        assertThat(liveA.current()).containsExactlyInAnyOrder(a, b);
        assertThat(goneSeenByA).isEmpty();
    }

    @Test
    void aNodeThatStopsBeating_isGoneWithinItsTimeToLive() {
        get(liveA.beat());
        get(liveB.beat());
        get(liveA.beat());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(3));
            get(liveA.beat());
        }
        assertThat(goneSeenByA).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        get(liveA.beat());
        assertThat(goneSeenByA).containsExactly(Set.of(b));
        assertThat(liveA.current()).containsExactly(a);
    }

    @Test
    void leave_isSeenAtTheNextBeat() {
        get(liveA.beat());
        get(liveB.beat());
        get(liveA.beat());
        get(liveB.leave());
        get(liveA.beat());
        assertThat(goneSeenByA).containsExactly(Set.of(b));
    }

    @Test
    void aWatchedNode_thatDiedBeforeAnyBeatSawIt_isGoneToo() {
        get(liveA.beat());
        get(liveB.beat());
        watchedByA.add(b);
        clock.advance(TTL);
        get(liveA.beat());
        assertThat(goneSeenByA).containsExactly(Set.of(b));
    }
}
