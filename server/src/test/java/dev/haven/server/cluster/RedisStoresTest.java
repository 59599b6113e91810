package dev.haven.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.haven.server.config.ClusterSettings;
import dev.haven.server.testing.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract against a real redis-server, and what only Redis does: expiry by its clock, trimming. */
class RedisStoresTest extends StoreContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static RedisClient admin;
    private static StatefulRedisConnection<String, String> adminConnection;
    private final List<ClusterStores> opened = new ArrayList<>();

    @BeforeAll
    static void connectAdmin() {
        admin = RedisClient.create(redis.uri());
        adminConnection = admin.connect();
    }

    @AfterAll
    static void closeAdmin() {
        adminConnection.close();
        admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @BeforeEach
    void emptyRedis() {
        redisCommands().flushall();
    }

    @AfterEach
    void closeNodes() {
        opened.forEach(ClusterStores::close);
    }

    static RedisCommands<String, String> redisCommands() {
        return adminConnection.sync();
    }

    @Override
    ClusterStores node(NodeId id) {
        ClusterStores stores = RedisStores.connect(new ClusterSettings.Redis(redis.uri()), id, MAX_MESSAGES, MAX_AGE);
        opened.add(stores);
        await().atMost(Duration.ofSeconds(10)).until(() -> stores.health().up());
        return stores;
    }

    @Test
    void lease_lapsesAfterItsTimeToLive_byRedisClock() {
        ClusterStores a = node(A);
        Lease lease = get(a.leases().acquire("lounge", A, Duration.ofMillis(300))).orElseThrow();
        assertThat(redisCommands().pttl(RedisKeys.lease("lounge"))).isBetween(1L, 300L);
        await().atMost(Duration.ofSeconds(5)).until(() -> get(a.leases().holder("lounge")).isEmpty());
        assertThat(get(a.leases().renew(lease, TTL))).isFalse();
        assertThat(claim(node(B), "lounge").epoch()).isGreaterThan(lease.epoch());
    }

    @Test
    void nodes_lapseAfterTheirTimeToLive_byRedisClock() {
        ClusterStores a = node(A);
        get(a.nodes().beat(A, Duration.ofMillis(300)));
        get(a.nodes().beat(B, TTL));
        await().atMost(Duration.ofSeconds(5)).until(() -> get(a.nodes().live()).equals(java.util.Set.of(B)));
    }

    @Test
    void log_messagesExpireWithTheHistoryAge_andMetaHoldsNoPersonalData() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        get(a.log().append(lease, entry(1, "u1", "c-1", T0)));
        assertThat(redisCommands().pttl(RedisKeys.log("lounge"))).isBetween(MAX_AGE.toMillis() - 60_000, MAX_AGE.toMillis());
        assertThat(redisCommands().pttl(RedisKeys.logDedup("lounge"))).isBetween(MAX_AGE.toMillis() - 60_000, MAX_AGE.toMillis());
        assertThat(redisCommands().hgetall(RedisKeys.logMeta("lounge"))).containsOnlyKeys("seq", "trimmed", "purged", "epoch");
        // The stream's expiry, as after a quiet history.maxAgeSeconds: its messages are gone, and that is a gap.
        redisCommands().del(RedisKeys.log("lounge"), RedisKeys.logDedup("lounge"));
        RoomLog.Held held = get(a.log().read("lounge", 0)).orElseThrow();
        assertThat(held.entries()).isEmpty();
        assertThat(held.gapAfter(0)).isTrue();
        assertThat(get(a.log().append(lease, entry(2, "u1", "c-1", T0))).outcome()).isEqualTo(RoomLog.Outcome.APPENDED);
        assertThat(get(a.log().read("lounge", 0)).orElseThrow().gapAfter(0)).isTrue();
    }

    @Test
    void log_purge_deletesTheMessagesFromRedis() {
        ClusterStores a = node(A);
        Lease lease = openLog(a, "lounge");
        get(a.log().append(lease, entry(1, "u1", "c-1", T0)));
        get(a.log().purge(lease, 1));
        assertThat(redisCommands().exists(RedisKeys.log("lounge"), RedisKeys.logDedup("lounge"))).isZero();
    }

    /**
     * Redis's work per accepted message (docs/architecture.md, "Redis operations per message"):
     * one round trip for the append, one for each other node the event goes to. Counted by
     * Redis itself ({@code INFO commandstats}), in the steady state where every append also trims.
     */
    @Test
    void redisWorkPerMessage_oneRoundTripToAppend_andOnePerNodeItGoesTo() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        RecordingInbox atB = RecordingInbox.listeningTo(b);
        Lease lease = openLog(a, "lounge");
        for (long seq = 1; seq <= MAX_MESSAGES; seq++) {
            get(a.log().append(lease, entry(seq, "u1", "c-" + seq, T0)));
        }
        int messages = 200;
        redisCommands().configResetstat();
        for (long seq = MAX_MESSAGES + 1; seq <= MAX_MESSAGES + messages; seq++) {
            get(a.log().append(lease, entry(seq, "u1", "c-" + seq, T0)));
            get(a.bus().send(B, utf8("event " + seq)));
        }
        atB.awaitCount(messages);
        java.util.Map<String, Long> calls = commandCalls();
        assertThat(calls.get("evalsha")).as("round trips that write").isEqualTo(2L * messages);
        long insideAppend = calls.entrySet().stream()
                .filter(e -> !List.of("evalsha", "xread", "xtrim", "info", "ping").contains(e.getKey()))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        assertThat(insideAppend).as("commands the scripts ran, per message").isLessThanOrEqualTo(20L * messages);
        assertThat(calls.getOrDefault("xread", 0L)).as("blocking reads are shared by many messages")
                .isLessThanOrEqualTo(messages + 5L);
    }

    private static java.util.Map<String, Long> commandCalls() {
        java.util.Map<String, Long> calls = new java.util.TreeMap<>();
        for (String line : redisCommands().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String count = line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls=")));
                calls.put(name, Long.parseLong(count));
            }
        }
        org.slf4j.LoggerFactory.getLogger(RedisStoresTest.class).info("Redis commands for the measured messages: {}", calls);
        return calls;
    }

    @Test
    void bus_inboxKeepsNothingItsNodeHasRead() {
        ClusterStores a = node(A);
        ClusterStores b = node(B);
        RecordingInbox atB = RecordingInbox.listeningTo(b);
        for (int i = 1; i <= 20; i++) {
            a.bus().send(B, utf8("m" + i));
        }
        atB.awaitCount(20);
        await().atMost(Duration.ofSeconds(5)).until(() -> redisCommands().xlen(RedisKeys.inbox(B)) == 0);
        assertThat(redisCommands().pttl(RedisKeys.inbox(B))).isPositive();
    }

    @Test
    void bus_aMessageSentTwice_isDeliveredOnce() {
        ClusterStores b = node(B);
        RecordingInbox atB = RecordingInbox.listeningTo(b);
        // What a command replayed after a reconnect would look like: the same sender and counter again.
        for (String counter : List.of("1", "2", "1", "2", "3")) {
            redisCommands().xadd(RedisKeys.inbox(B), "f", "node-a", "n", counter, "d", "m" + counter);
        }
        atB.awaitCount(3);
        assertThat(atB.from(A)).containsExactly("m1", "m2", "m3");
        assertThat(atB.lost()).isEmpty();
    }

    @Test
    void bus_aLostMessage_isReportedBeforeTheNextOneFromItsSender() {
        ClusterStores b = node(B);
        RecordingInbox atB = RecordingInbox.listeningTo(b);
        redisCommands().xadd(RedisKeys.inbox(B), "f", "node-a", "n", "1", "d", "m1");
        redisCommands().xadd(RedisKeys.inbox(B), "f", "node-a", "n", "3", "d", "m3");
        atB.awaitCount(2);
        assertThat(atB.from(A)).containsExactly("m1", "m3");
        assertThat(atB.lost()).containsExactly(A);
    }
}
