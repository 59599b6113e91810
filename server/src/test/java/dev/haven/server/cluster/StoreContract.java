package dev.haven.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the cluster's stores must do, run against memory
 * ({@link InMemoryStoresTest}) and against a real Redis ({@link RedisStoresTest}): the same
 * answers from both, as Centrifuge tests its memory and Redis brokers. Each room's log holds
 * at most {@link #MAX_MESSAGES} messages, for at most {@link #MAX_AGE}.
 */
abstract class StoreContract {
    static final int MAX_MESSAGES = 3;
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final Duration TTL = Duration.ofSeconds(30);
    static final long T0 = 1_800_000_000_000L;
    static final NodeId A = new NodeId("node-a");
    static final NodeId B = new NodeId("node-b");

    /** The stores of one node; nodes made by one test share one store. */
    abstract ClusterStores node(NodeId id);

    static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static RoomLog.Entry entry(long seq, String user, String clientId, long ts) {
        return new RoomLog.Entry(seq, user, clientId, ts, utf8("{\"seq\":" + seq + "}"));
    }

    Lease claim(ClusterStores stores, String room) {
        return get(stores.leases().acquire(room, stores.node(), TTL)).orElseThrow();
    }

    Lease openLog(ClusterStores stores, String room) {
        Lease lease = claim(stores, room);
        get(stores.log().open(lease, 0));
        return lease;
    }

    List<Long> seqs(ClusterStores stores, String room, long after) {
        return get(stores.log().read(room, after)).orElseThrow().entries().stream().map(RoomLog.Entry::seq).toList();
    }

    // Leases

    @Test
    void lease_acquire_onlyOneNodeHoldsARoom() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        Lease lease = claim(a, "lounge");
        assertThat(lease.node()).isEqualTo(A);
        assertThat(get(b.leases().acquire("lounge", B, TTL))).isEmpty();
        assertThat(get(b.leases().holder("lounge"))).contains(lease);
        assertThat(get(b.leases().acquire("circle", B, TTL))).isPresent();
    }

    @Test
    void lease_renew_onlyByItsHolder() {
        ClusterStores a = node(A);
        Lease lease = claim(a, "lounge");
        assertThat(get(a.leases().renew(lease, TTL))).isTrue();
        assertThat(get(a.leases().renew(new Lease("lounge", B, lease.epoch()), TTL))).isFalse();
        assertThat(get(a.leases().renew(new Lease("lounge", A, lease.epoch() + 1), TTL))).isFalse();
    }

    @Test
    void lease_release_letsAnotherNodeClaimWithAHigherEpoch() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        Lease first = claim(a, "lounge");
        assertThat(get(b.leases().release(new Lease("lounge", B, first.epoch())))).isFalse();
        assertThat(get(a.leases().release(first))).isTrue();
        assertThat(get(a.leases().holder("lounge"))).isEmpty();
        Lease second = claim(b, "lounge");
        assertThat(second.epoch()).isGreaterThan(first.epoch());
        assertThat(get(a.leases().renew(first, TTL))).isFalse();
    }

    // The room log

    @Test
    void log_open_createsAtTheFloorOnce() {
        ClusterStores a = node(A);
        Lease lease = claim(a, "lounge");
        RoomLog.Opened opened = get(a.log().open(lease, 40));
        assertThat(opened.created()).isTrue();
        assertThat(opened.seq()).isEqualTo(40);
        RoomLog.Opened again = get(a.log().open(lease, 0));
        assertThat(again.created()).isFalse();
        assertThat(again.seq()).isEqualTo(40);
        assertThat(again.epoch()).isEqualTo(opened.epoch());
        RoomLog.Held held = get(a.log().read("lounge", 0)).orElseThrow();
        assertThat(held.entries()).isEmpty();
        assertThat(held.gapAfter(39)).as("messages before the floor are not held").isTrue();
        assertThat(held.gapAfter(40)).isFalse();
    }

    @Test
    void log_append_keepsEveryFieldInOrder() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        assertThat(get(a.log().append(lease, new RoomLog.Entry(1, "u1", "c-1", T0, utf8("{\"text\":\"hé\"}")))))
                .isEqualTo(new RoomLog.Appended(RoomLog.Outcome.APPENDED, 1));
        get(a.log().append(lease, entry(2, "u2", null, T0 + 5)));
        RoomLog.Held held = get(node(B).log().read("lounge", 0)).orElseThrow();
        assertThat(held.seq()).isEqualTo(2);
        assertThat(held.entries()).hasSize(2);
        RoomLog.Entry first = held.entries().get(0);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.userId()).isEqualTo("u1");
        assertThat(first.clientId()).isEqualTo("c-1");
        assertThat(first.ts()).isEqualTo(T0);
        assertThat(new String(first.event(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"hé\"}");
        assertThat(held.entries().get(1).clientId()).isNull();
        assertThat(seqs(a, "lounge", 1)).containsExactly(2L);
        assertThat(seqs(a, "lounge", 2)).isEmpty();
    }

    @Test
    void log_append_refusesAnythingButTheNextSeq() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        get(a.log().append(lease, entry(1, "u1", null, T0)));
        assertThat(get(a.log().append(lease, entry(3, "u1", null, T0))))
                .isEqualTo(new RoomLog.Appended(RoomLog.Outcome.CONFLICT, 1));
        assertThat(get(a.log().append(lease, entry(1, "u1", null, T0))).outcome())
                .isEqualTo(RoomLog.Outcome.CONFLICT);
        assertThat(seqs(a, "lounge", 0)).containsExactly(1L);
    }

    @Test
    void log_append_sameUserAndClientId_isADuplicateOfTheFirst() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        get(a.log().append(lease, entry(1, "u1", "c-1", T0)));
        assertThat(get(a.log().append(lease, entry(2, "u1", "c-1", T0))))
                .isEqualTo(new RoomLog.Appended(RoomLog.Outcome.DUPLICATE, 1));
        assertThat(get(a.log().append(lease, entry(2, "u2", "c-1", T0))).outcome())
                .as("another user's clientId is another message").isEqualTo(RoomLog.Outcome.APPENDED);
        assertThat(seqs(a, "lounge", 0)).containsExactly(1L, 2L);
    }

    @Test
    void log_countBound_dropsTheOldest_asAGap_andForgetsTheirClientIds() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        for (long seq = 1; seq <= 5; seq++) {
            get(a.log().append(lease, entry(seq, "u1", "c-" + seq, T0 + seq)));
        }
        RoomLog.Held held = get(a.log().read("lounge", 0)).orElseThrow();
        assertThat(held.entries()).extracting(RoomLog.Entry::seq).containsExactly(3L, 4L, 5L);
        assertThat(held.trimmedThrough()).isEqualTo(2);
        assertThat(held.gapAfter(1)).isTrue();
        assertThat(held.gapAfter(2)).isFalse();
        assertThat(get(a.log().append(lease, entry(6, "u1", "c-1", T0 + 6))).outcome())
                .as("c-1 is no longer held").isEqualTo(RoomLog.Outcome.APPENDED);
        assertThat(get(a.log().append(lease, entry(7, "u1", "c-5", T0 + 7))).outcome())
                .isEqualTo(RoomLog.Outcome.DUPLICATE);
    }

    @Test
    void log_ageBound_dropsOldMessagesOnAppendAndOnTrim() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        get(a.log().append(lease, entry(1, "u1", null, T0)));
        get(a.log().append(lease, entry(2, "u1", null, T0 + MAX_AGE.toMillis() / 2)));
        get(a.log().append(lease, entry(3, "u1", null, T0 + MAX_AGE.toMillis() + 1)));
        assertThat(seqs(a, "lounge", 0)).containsExactly(2L, 3L);
        assertThat(get(a.log().trim(lease, T0 + MAX_AGE.toMillis() * 3 / 2 + 1))).isEqualTo(2);
        RoomLog.Held held = get(a.log().read("lounge", 0)).orElseThrow();
        assertThat(held.entries()).extracting(RoomLog.Entry::seq).containsExactly(3L);
        assertThat(held.gapAfter(2)).isFalse();
        assertThat(held.gapAfter(1)).isTrue();
        assertThat(get(a.log().trim(lease, T0 + MAX_AGE.toMillis() * 3 / 2 + 1))).isZero();
    }

    @Test
    void log_delete_isNotAGap() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        get(a.log().append(lease, entry(1, "u1", null, T0)));
        get(a.log().append(lease, entry(2, "u1", null, T0)));
        assertThat(get(a.log().delete(lease, 1))).isTrue();
        assertThat(get(a.log().delete(lease, 1))).isFalse();
        RoomLog.Held held = get(a.log().read("lounge", 0)).orElseThrow();
        assertThat(held.entries()).extracting(RoomLog.Entry::seq).containsExactly(2L);
        assertThat(held.gapAfter(0)).isFalse();
    }

    @Test
    void log_purge_deletesEverything_noGap_andTheSeqGoesOn() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        for (long seq = 1; seq <= 4; seq++) {
            get(a.log().append(lease, entry(seq, "u1", "c-" + seq, T0)));
        }
        get(a.log().purge(lease, 4));
        RoomLog.Held held = get(a.log().read("lounge", 0)).orElseThrow();
        assertThat(held.entries()).isEmpty();
        assertThat(held.seq()).isEqualTo(4);
        assertThat(held.gapAfter(0)).isFalse();
        assertThat(get(a.log().append(lease, entry(5, "u1", "c-4", T0))))
                .isEqualTo(new RoomLog.Appended(RoomLog.Outcome.APPENDED, 5));
        assertThat(seqs(a, "lounge", 0)).containsExactly(5L);
    }

    @Test
    void log_writes_areFencedOnceAnotherNodeOwnsTheRoom() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        Lease old = openLog(a, "lounge");
        get(a.log().append(old, entry(1, "u1", null, T0)));
        get(a.leases().release(old));
        Lease current = claim(b, "lounge");
        assertThat(failure(a.log().append(old, entry(2, "u1", null, T0)))).isInstanceOf(FencedException.class);
        assertThat(failure(a.log().purge(old, 1))).isInstanceOf(FencedException.class);
        assertThat(failure(a.log().delete(old, 1))).isInstanceOf(FencedException.class);
        assertThat(failure(a.log().trim(old, T0))).isInstanceOf(FencedException.class);
        assertThat(failure(a.log().open(old, 0))).isInstanceOf(FencedException.class);
        assertThat(get(b.log().open(current, 0)).seq()).isEqualTo(1);
        assertThat(get(b.log().append(current, entry(2, "u2", null, T0))).outcome())
                .isEqualTo(RoomLog.Outcome.APPENDED);
        assertThat(seqs(b, "lounge", 0)).containsExactly(1L, 2L);
    }

    @Test
    void log_withoutOpen_isMissing() {
        ClusterStores a = node(A);
        Lease lease = claim(a, "lounge");
        assertThat(get(a.log().read("lounge", 0))).isEmpty();
        assertThat(get(a.log().append(lease, entry(1, "u1", null, T0))).outcome()).isEqualTo(RoomLog.Outcome.MISSING);
    }

    @Test
    void log_roomsAreSeparate() {
        ClusterStores a = node(A);
        Lease lounge = openLog(a, "lounge");
        Lease circle = openLog(a, "circle");
        get(a.log().append(lounge, entry(1, "u1", "c-1", T0)));
        assertThat(get(a.log().append(circle, entry(1, "u1", "c-1", T0))).outcome())
                .isEqualTo(RoomLog.Outcome.APPENDED);
        assertThat(failure(a.log().append(circle, entry(2, "u1", null, T0)).thenCompose(
                appended -> a.log().append(new Lease("lounge", A, circle.epoch() + 100), entry(2, "u1", null, T0)))))
                .isInstanceOf(FencedException.class);
        assertThat(seqs(a, "lounge", 0)).containsExactly(1L);
        assertThat(seqs(a, "circle", 0)).containsExactly(1L, 2L);
    }

    // Room state

    @Test
    void state_writeLoadRemoveClear_fencedByTheLease() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        Lease lease = claim(a, "lounge");
        get(a.state().write(lease, Map.of("sanctions", utf8("{\"muted\":[]}"), "session", utf8("open"))));
        get(a.state().write(lease, Map.of("session", new byte[0], "waiting", utf8("[]"))));
        Map<String, byte[]> loaded = get(b.state().load("lounge"));
        assertThat(loaded).containsOnlyKeys("sanctions", "waiting");
        assertThat(new String(loaded.get("sanctions"), StandardCharsets.UTF_8)).isEqualTo("{\"muted\":[]}");
        assertThat(get(b.state().load("circle"))).isEmpty();
        get(a.leases().release(lease));
        assertThat(failure(a.state().write(lease, Map.of("session", utf8("lobby"))))).isInstanceOf(FencedException.class);
        assertThat(failure(a.state().clear(lease))).isInstanceOf(FencedException.class);
        Lease next = claim(b, "lounge");
        get(b.state().clear(next));
        assertThat(get(a.state().load("lounge"))).isEmpty();
    }

    // Nodes

    @Test
    void nodes_beatAndLeave() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        assertThat(get(a.nodes().beat(A, TTL))).containsExactly(A);
        assertThat(get(b.nodes().beat(B, TTL))).containsExactlyInAnyOrder(A, B);
        get(a.nodes().leave(A));
        assertThat(get(b.nodes().live())).containsExactly(B);
    }

    // Node to node

    @Test
    void bus_deliversEachSendersMessagesInOrder() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        RecordingInbox atB = RecordingInbox.listeningTo(b);
        RecordingInbox atA = RecordingInbox.listeningTo(a);
        for (int i = 1; i <= 300; i++) {
            a.bus().send(B, utf8("a" + i));
            b.bus().send(B, utf8("b" + i));
        }
        get(a.bus().send(A, utf8("to-a")));
        atB.awaitCount(600);
        assertThat(atB.from(A)).containsExactlyElementsOf(numbered("a", 300));
        assertThat(atB.from(B)).containsExactlyElementsOf(numbered("b", 300));
        atA.awaitCount(1);
        assertThat(atA.from(A)).containsExactly("to-a");
        assertThat(atB.lost()).isEmpty();
    }

    @Test
    void bus_messagesWaitForANodeThatListensLater() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        get(a.bus().send(B, utf8("early")));
        RecordingInbox atB = RecordingInbox.listeningTo(b);
        atB.awaitCount(1);
        assertThat(atB.from(A)).containsExactly("early");
    }

    static List<String> numbered(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }
}
