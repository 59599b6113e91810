package dev.haven.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one attack against a test server for a while, over real sockets, and watches what it
 * costs everyone else: a bystander in the lounge sends a message every 200 ms and must get each
 * back, a newcomer connects, says hello and joins every second, and the server's memory is
 * sampled every 100 ms. The server runs in this JVM, so the figures are the server's plus this
 * test's own, which are small and steady. An attack that takes memory past the bound is stopped
 * at once, so that a broken server fails the test rather than the JVM.
 *
 * <p>Bounded in time and count: the attack runs for the duration given, the attacker thread
 * is a daemon and its socket is closed at the end; loopback only.
 */
public final class AttackProbe {
    private static final Duration BYSTANDER_EVERY = Duration.ofMillis(200);
    private static final Duration NEWCOMER_EVERY = Duration.ofSeconds(1);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    /** Only a guard against taking the test JVM down; the assertions use the bound given. */
    private static final long HEAP_ABORT_BYTES = 2L << 30;

    /** One attacking connection: opens a socket on the port, attacks until the server closes it or {@code stop}. */
    @FunctionalInterface
    public interface Attacker {
        void attack(int port, AtomicBoolean stop, SocketHolder closer) throws IOException;
    }

    /** Where the attacker leaves its socket, so that the probe can close it when time is up. */
    public static final class SocketHolder {
        private volatile AutoCloseable current;

        public void set(AutoCloseable socket) {
            current = socket;
        }

        void closeQuietly() {
            AutoCloseable socket = current;
            if (socket != null) {
                try {
                    socket.close();
                } catch (Exception ignored) {
                    // Already closed by the server.
                }
            }
        }
    }

    /** The stated memory bound: heap kept after a full GC, and direct memory taken at any sample, both over what they were before the attack. */
    public record Bound(long heapGrowthBytes, long directBytes) {
    }

    /** What one run showed. */
    public record Report(int attackerConnections, int attackerDisconnectedByServer, long peakDirectBytes,
                         long heapGrowthBytes, int bystanderMessages, long worstBystanderLagMillis, int newcomers,
                         List<String> failures) {
        @Override
        public String toString() {
            return String.format("attacker connections=%d closed by the server=%d, peak direct=%d KiB, "
                            + "heap kept=%d KiB, bystander messages=%d (worst lag %d ms), newcomers=%d, failures=%s",
                    attackerConnections, attackerDisconnectedByServer, peakDirectBytes / 1024, heapGrowthBytes / 1024,
                    bystanderMessages, worstBystanderLagMillis, newcomers, failures);
        }
    }

    private AttackProbe() {
    }

    /** Runs the attack for {@code duration}, checks the bound, and returns what it saw. */
    public static Report run(TestServer server, Attacker attacker, Duration duration, Bound bound) throws Exception {
        int port = server.port();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger closedByServer = new AtomicInteger();
        AtomicInteger bystanderMessages = new AtomicInteger();
        AtomicInteger newcomers = new AtomicInteger();
        AtomicLong worstLag = new AtomicLong();
        AtomicLong peakDirect = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        SocketHolder socket = new SocketHolder();
        CountDownLatch overBound = new CountDownLatch(1);

        long heapBefore = heapAfterGc();
        long directBefore = directMemoryInUse();
        TestClient bystander = TestClient.guest(port, "Bystander");
        assertThat(bystander.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");

        Thread attackThread = new Thread(() -> {
            while (!stop.get()) {
                connections.incrementAndGet();
                try {
                    attacker.attack(port, stop, socket);
                } catch (IOException e) {
                    if (!stop.get()) {
                        closedByServer.incrementAndGet();
                    }
                } finally {
                    socket.closeQuietly();
                }
            }
        }, "attacker");
        attackThread.setDaemon(true);

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(3);
        try {
            attackThread.start();
            AtomicInteger sent = new AtomicInteger();
            timers.scheduleWithFixedDelay(() -> {
                try {
                    long lag = bystanderSays(bystander, "still here " + sent.incrementAndGet());
                    worstLag.accumulateAndGet(lag, Math::max);
                    bystanderMessages.incrementAndGet();
                } catch (Throwable e) {
                    failures.add("bystander: " + e);
                }
            }, 0, BYSTANDER_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            timers.scheduleWithFixedDelay(() -> {
                try {
                    newcomerJoins(port, "Newcomer" + newcomers.get());
                    newcomers.incrementAndGet();
                } catch (Throwable e) {
                    failures.add("newcomer: " + e);
                }
            }, 0, NEWCOMER_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            timers.scheduleAtFixedRate(() -> {
                long direct = directMemoryInUse() - directBefore;
                peakDirect.accumulateAndGet(direct, Math::max);
                if (direct > bound.directBytes() || heapInUse() > HEAP_ABORT_BYTES) {
                    overBound.countDown();
                }
            }, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);

            boolean stoppedEarly = overBound.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            long heapKept = stoppedEarly ? heapInUse() - heapBefore : heapAfterGc() - heapBefore;
            stop.set(true);
            socket.closeQuietly();
            timers.shutdown();
            assertThat(timers.awaitTermination(30, TimeUnit.SECONDS)).as("the bystander's last round ends").isTrue();
            attackThread.join(TimeUnit.SECONDS.toMillis(10));

            Report report = new Report(connections.get(), closedByServer.get(), peakDirect.get(), heapKept,
                    bystanderMessages.get(), worstLag.get(), newcomers.get(), List.copyOf(failures));
            System.out.println("attack probe: " + report);
            assertThat(stoppedEarly).as("the attack stayed within the bound for its whole time: %s", report).isFalse();
            assertThat(report.peakDirectBytes()).as("Netty's direct memory: %s", report).isLessThan(bound.directBytes());
            assertThat(report.heapGrowthBytes()).as("heap kept after a full GC: %s", report)
                    .isLessThan(bound.heapGrowthBytes());
            assertThat(report.failures()).as("the bystander and the newcomers: %s", report).isEmpty();
            assertThat(report.attackerDisconnectedByServer()).as("the server closed the attacker: %s", report)
                    .isPositive();
            long expectedRounds = duration.toMillis() / BYSTANDER_EVERY.toMillis() / 4;
            assertThat((long) report.bystanderMessages()).as("the bystander kept chatting: %s", report)
                    .isGreaterThan(expectedRounds);
            assertThat(report.newcomers()).as("newcomers kept joining: %s", report).isGreaterThan(1);

            // After the attack: the bystander still chats and a newcomer still joins.
            bystanderSays(bystander, "after the attack");
            newcomerJoins(port, "Latecomer");
            return report;
        } finally {
            stop.set(true);
            socket.closeQuietly();
            timers.shutdownNow();
            bystander.close();
        }
    }

    /** Sends one message and waits for it to come back; returns the round trip in ms. */
    private static long bystanderSays(TestClient bystander, String text) {
        long started = System.nanoTime();
        JsonNode ok = bystander.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}");
        assertThat(ok.path("type").asText()).as("send reply %s", ok).isEqualTo("ok");
        long seq = ok.path("seq").asLong();
        bystander.await(f -> "message".equals(f.path("type").asText()) && f.path("seq").asLong() == seq);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static void newcomerJoins(int port, String name) {
        try (TestClient newcomer = TestClient.guest(port, name)) {
            JsonNode joined = newcomer.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            assertThat(joined.path("type").asText()).as("join reply %s", joined).isEqualTo("ok");
        }
    }

    /** Direct memory in use: Netty's allocator, Netty's own counter, and the JDK's direct buffers, the most of them. */
    public static long directMemoryInUse() {
        long allocator = ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider metrics
                ? metrics.metric().usedDirectMemory() : 0;
        long counted = PlatformDependent.usedDirectMemory();
        long jdk = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                jdk = pool.getMemoryUsed();
            }
        }
        return Math.max(allocator, Math.max(counted, jdk));
    }

    private static long heapInUse() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapAfterGc() {
        System.gc();
        return heapInUse();
    }
}
