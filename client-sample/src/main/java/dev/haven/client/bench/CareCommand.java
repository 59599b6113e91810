package dev.haven.client.bench;

import dev.haven.client.HavenClient;
import dev.haven.client.HavenListener;
import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.server.Alert;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * {@code care}: how long a crisis the lexicon does not know takes to reach a facilitator through
 * the detector's second stage, under a steady load of members' messages. N rooms, each with one
 * facilitator (a token) and M guest members; the members send {@code --rate} messages a second
 * in all, round-robin, of which every {@code --crisis-every}th is a line the shipped model alerts
 * on and the lexicon does not. The facilitator closes each alert at once ({@code handled}), so the
 * member's next one opens a new alert. Latency is from the moment a crisis message was due to be
 * sent to the moment its room's facilitator receives the alert for its {@code seq}; a crisis
 * message with no alert within {@code --drain} seconds after the run counts as missed (shed, or
 * not found by the model). Everyday lines that raise an alert are counted apart.
 *
 * <p>Uses the Java client library ({@link HavenClient}), one connection per person: a few
 * hundred connections at a few hundred messages a second, far from the client's limits.
 */
final class CareCommand {
    static final Set<String> FLAGS = Set.of("--url", "--rooms", "--members", "--rate", "--duration", "--warmup",
            "--crisis-every", "--facilitator-token", "--drain", "--room-prefix");

    /** Lines the shipped model alerts on and the lexicon does not (frozen round 2 and the corpus's test split). */
    static final List<String> CRISES = List.of(
            "I've written a letter for each of my children and put my papers in order",
            "everyone would be lighter without me",
            "I can't see a future at all",
            "I keep hoping something will kill me",
            "gave my guitar and my records away this week, I won't need them");
    static final List<String> EVERYDAY = List.of(
            "what is shared here stays here and everyone gets room to talk",
            "the weather is lovely today, going for a walk later",
            "my cat knocked the plant over again",
            "I made soup for the first time in months");

    private CareCommand() {
    }

    static String run(Flags flags) throws InterruptedException {
        URI url = LoopbackOnly.check(URI.create(flags.text("--url", "ws://127.0.0.1:8090/ws")));
        int rooms = flags.integer("--rooms", 20, 1, 1000);
        int members = flags.integer("--members", 5, 1, 100);
        double rate = flags.decimal("--rate", 200, 1, 5000);
        double duration = flags.decimal("--duration", 30, 1, 3600);
        double warmup = flags.decimal("--warmup", 10, 0, 3600);
        int crisisEvery = flags.integer("--crisis-every", 10, 1, 1000);
        double drain = flags.decimal("--drain", 10, 0, 120);
        String prefix = flags.text("--room-prefix", "room-");
        String token = flags.text("--facilitator-token", null);
        if (token == null) {
            throw new IllegalArgumentException("--facilitator-token is required: java -jar haven-server.jar token"
                    + " --sub bench-fac --name Bench --role facilitator --config THE_BENCH_CONFIG");
        }

        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        Map<String, Long> dueBySeq = new ConcurrentHashMap<>();
        Map<String, Long> alertedBySeq = new ConcurrentHashMap<>();
        AtomicLong unexpected = new AtomicLong();
        AtomicLong measuring = new AtomicLong();
        long start = System.nanoTime();
        List<HavenClient> everyone = new ArrayList<>();
        List<HavenClient> senders = new ArrayList<>();
        List<String> senderRooms = new ArrayList<>();
        try {
            for (int r = 0; r < rooms; r++) {
                String room = prefix + r;
                HavenClient[] facilitator = new HavenClient[1];
                HavenListener onAlert = new HavenListener() {
                    @Override
                    public void onAlert(Alert alert) {
                        if (alert.kind() != AlertKind.CRISIS || alert.seq() == null) {
                            return;
                        }
                        long now = System.nanoTime();
                        String key = alert.room() + "#" + alert.seq();
                        Long due = dueBySeq.remove(key);
                        if (due == null) {
                            alertedBySeq.put(key, now);
                        } else if (due >= 0) {
                            latency.recordValue(Math.max(0, (now - due) / 1000));
                        }
                        facilitator[0].request(new AckAlert(null, alert.room(), alert.alertId(), AlertAction.HANDLED));
                    }
                };
                facilitator[0] = connect(url, onAlert, Hello.withToken(token), room, everyone);
                for (int m = 0; m < members; m++) {
                    senders.add(connect(url, new HavenListener() { }, Hello.guest("m" + r + "x" + m), room, everyone));
                    senderRooms.add(room);
                }
            }
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            long period = (long) (1e9 / rate);
            long total = (long) ((warmup + duration) * rate);
            long warm = (long) (warmup * rate);
            AtomicLong next = new AtomicLong();
            long first = System.nanoTime();
            clock.scheduleAtFixedRate(() -> {
                long i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                int who = (int) (i % senders.size());
                boolean crisis = i % crisisEvery == 0;
                boolean counted = i >= warm;
                long due = first + i * period;
                String room = senderRooms.get(who);
                String text = crisis ? CRISES.get((int) (i / crisisEvery % CRISES.size()))
                        : EVERYDAY.get((int) (i % EVERYDAY.size()));
                senders.get(who).send(room, text).thenAccept(sent -> {
                    String key = room + "#" + sent.seq();
                    Long alertedAt = alertedBySeq.remove(key);
                    if (!crisis) {
                        if (alertedAt != null) {
                            unexpected.incrementAndGet();
                        }
                        return;
                    }
                    if (counted) {
                        measuring.incrementAndGet();
                    }
                    if (alertedAt != null) {
                        if (counted) {
                            latency.recordValue(Math.max(0, (alertedAt - due) / 1000));
                        }
                    } else {
                        dueBySeq.put(key, counted ? due : -1L);
                    }
                });
            }, 0, period, TimeUnit.NANOSECONDS);
            long runNanos = (long) ((warmup + duration) * 1e9);
            while (next.get() < total && System.nanoTime() - first < runNanos * 2) {
                Thread.sleep(200);
            }
            clock.shutdownNow();
            long drainUntil = System.nanoTime() + (long) (drain * 1e9);
            while (dueBySeq.values().stream().anyMatch(d -> d >= 0) && System.nanoTime() < drainUntil) {
                Thread.sleep(100);
            }
            long missed = dueBySeq.values().stream().filter(d -> d >= 0).count();
            long unexpectedAlerts = unexpected.get() + alertedBySeq.size();
            return String.format(Locale.ROOT, "care rooms=%d members=%d rate=%.0f/s crisis-every=%d duration=%.0fs:"
                            + " crisis messages %d, alerted %d, missed %d; send->alert ms p50 %.1f p90 %.1f p99 %.1f max %.1f;"
                            + " alerts on everyday lines %d; %.0f s in all", rooms, members, rate, crisisEvery, duration,
                    measuring.get(), latency.getTotalCount(), missed, latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(90) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0, unexpectedAlerts, (System.nanoTime() - start) / 1e9);
        } finally {
            everyone.forEach(client -> client.abort("benchmark over"));
        }
    }

    private static HavenClient connect(URI url, HavenListener listener, Hello hello, String room,
                                       List<HavenClient> everyone) {
        HavenClient client = HavenClient.connect(url, listener).orTimeout(30, TimeUnit.SECONDS).join();
        everyone.add(client);
        client.hello(hello).orTimeout(30, TimeUnit.SECONDS).join();
        client.join(room, null).orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }
}
