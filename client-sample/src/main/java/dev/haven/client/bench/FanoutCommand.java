package dev.haven.client.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code fanout}: N rooms × M members, S senders per room at R messages a second each for T
 * seconds, after a warm-up at the same rate. Every receiver records send→receive latency.
 * {@code --stalled K} makes the last K members of the first room stop reading once joined.
 */
final class FanoutCommand {
    static final Set<String> FLAGS = Stream.concat(LoadSettings.FLAGS.stream(), Stream.of("--rooms", "--members",
            "--senders", "--rate", "--duration", "--warmup", "--size", "--stalled", "--drain"))
            .collect(Collectors.toUnmodifiableSet());

    /** The shape of a fan-out load. */
    record Scenario(int rooms, int members, int senders, double rate, double seconds, double warmupSeconds,
                    int textChars, int stalled, double drainSeconds) {
        Scenario {
            if (senders > members - stalled) {
                throw new IllegalArgumentException("--senders must not be more than the members that keep reading");
            }
            if (stalled > 0 && rooms < 1) {
                throw new IllegalArgumentException("--stalled needs a room");
            }
        }

        static Scenario from(Flags flags) {
            int members = flags.integer("--members", 200, 1, 20_000);
            return new Scenario(
                    flags.integer("--rooms", 1, 1, 10_000),
                    members,
                    flags.integer("--senders", 5, 1, members),
                    flags.decimal("--rate", 20, 0.1, 100_000),
                    flags.decimal("--duration", 30, 0.5, 3600),
                    flags.decimal("--warmup", 5, 0, 600),
                    flags.integer("--size", 100, 1, 60_000),
                    flags.integer("--stalled", 0, 0, members - 1),
                    flags.decimal("--drain", 10, 0.5, 120));
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rooms", rooms);
            map.put("members", members);
            map.put("sendersPerRoom", senders);
            map.put("ratePerSender", rate);
            map.put("seconds", seconds);
            map.put("warmupSeconds", warmupSeconds);
            map.put("textChars", textChars);
            map.put("stalledMembers", stalled);
            return map;
        }
    }

    private FanoutCommand() {
    }

    static Report run(LoadSettings settings, Scenario scenario) throws InterruptedException {
        Report report = new Report("fanout", settings);
        report.put("scenario", scenario.toMap());
        try (LoadRun run = new LoadRun(settings)) {
            BenchClient.Joined joined = run.connect(members(settings, scenario));
            report.put("connections", connections(joined, scenario.rooms() * scenario.members()));
            String text = text(scenario.textChars());
            List<BenchConnection> senders = run.sendersPerRoom(scenario.senders());
            if (!joinedAll(joined, scenario.rooms() * scenario.members())) {
                report.fail();
                report.summary("fanout target=" + settings.target() + " FAILED: joined " + joined.connections().size()
                        + " of " + scenario.rooms() * scenario.members() + " " + joined.failures());
                return report;
            }
            if (scenario.warmupSeconds() > 0) {
                LoadRun.Phase warmup = run.phase(0, senders, scenario.rate(), scenario.warmupSeconds(), text,
                        scenario.drainSeconds());
                report.put("warmup", warmup.toMap());
            }
            LoadRun.Phase measured = run.phase(1, senders, scenario.rate(), scenario.seconds(), text,
                    scenario.drainSeconds());
            putMeasured(report, run, measured);
            report.summary(summary("fanout", settings, scenario, joined, measured, run));
            if (measured.loss() > 0 || measured.errors() > 0 || run.stats().closedEarlyCount() > 0) {
                report.fail();
            }
        }
        return report;
    }

    static List<BenchClient.Member> members(LoadSettings settings, Scenario scenario) {
        List<BenchClient.Member> members = new ArrayList<>(scenario.rooms() * scenario.members());
        for (int room = 0; room < scenario.rooms(); room++) {
            for (int m = 0; m < scenario.members(); m++) {
                boolean stall = room == 0 && m >= scenario.members() - scenario.stalled();
                members.add(new BenchClient.Member(name(room * scenario.members() + m), settings.room(room), stall));
            }
        }
        return members;
    }

    static boolean joinedAll(BenchClient.Joined joined, int wanted) {
        return joined.connections().size() == wanted && !joined.timedOut();
    }

    static Map<String, Object> connections(BenchClient.Joined joined, int wanted) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("requested", wanted);
        map.put("joined", joined.connections().size());
        map.put("failed", joined.failed());
        map.put("failures", joined.failures());
        map.put("timedOut", joined.timedOut());
        map.put("joinSeconds", LoadRun.round(joined.seconds()));
        map.put("joinsPerSecond", LoadRun.round(joined.connections().size() / Math.max(1e-9, joined.seconds())));
        return map;
    }

    /** The measured phase's figures at the top of the report, and the processes' state after it. */
    static void putMeasured(Report report, LoadRun run, LoadRun.Phase measured) {
        Map<String, Object> phase = measured.toMap();
        report.root().putAll(phase);
        if (run.server() != null) {
            report.put("server", Report.process(run.server().sample()));
        }
        if (run.servers().size() > 1) {
            report.put("servers", run.servers().stream().map(probe -> Report.process(probe.sample())).toList());
        }
        report.put("tool", Report.process(run.tool().sample()));
        report.put("errorsByCode", run.stats().errorsByCode());
        report.put("unstampedDeliveries", run.stats().unstampedCount());
        report.put("connectionsClosedEarly", run.stats().closedEarlyCount());
    }

    static String summary(String mode, LoadSettings settings, Scenario scenario, BenchClient.Joined joined,
                          LoadRun.Phase measured, LoadRun run) {
        Latency latency = measured.latency();
        String server = run.server() == null ? "serverCpu=n/a"
                : "serverCpu=" + Report.num(measured.serverCpuSeconds()) + "s("
                + Report.num(measured.serverCpuPercent()) + "%, kernel " + Report.num(measured.serverCpu().system())
                + "s) serverPeakRss="
                + run.servers().stream().map(probe -> Report.num(probe.sample().peakRssKb() / 1024.0))
                        .collect(Collectors.joining("+")) + "MB"
                + (run.servers().size() > 1 ? " serverCpuPerProcess=" + measured.serverCpuPerProcess().stream()
                        .map(cpu -> Report.num(cpu.seconds())).collect(Collectors.joining("+")) + "s" : "");
        return mode + " target=" + settings.target()
                + " rooms=" + scenario.rooms() + " members=" + scenario.members()
                + " senders=" + scenario.senders() + " rate=" + Report.num(measured.ratePerSender()) + "/s"
                + (scenario.stalled() > 0 ? " stalled=" + scenario.stalled() : "")
                + " conns=" + joined.connections().size()
                + " joins/s=" + Report.num(joined.connections().size() / Math.max(1e-9, joined.seconds()))
                + " sent=" + measured.sent() + " expected=" + measured.expected()
                + " received=" + measured.received() + " loss=" + measured.loss()
                + " errors=" + measured.errors()
                + " p50=" + Report.num(latency.p50()) + "ms p99=" + Report.num(latency.p99())
                + "ms p99.9=" + Report.num(latency.p999()) + "ms max=" + Report.num(latency.max()) + "ms"
                + " deliveries/s=" + Report.num(measured.deliveriesPerSecond())
                + " " + server
                + " toolCpu=" + Report.num(measured.toolCpuPercent()) + "%";
    }

    /** A guest name without digits, so no pseudonym rule can mistake it for a phone number. */
    static String name(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index;
        do {
            letters.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return "Member " + letters.reverse();
    }

    /** A message of plain letters and spaces, so it needs no escaping in JSON. */
    static String text(int chars) {
        String words = "what is shared here stays here and everyone gets room to talk ";
        StringBuilder text = new StringBuilder(chars);
        while (text.length() < chars) {
            text.append(words, 0, Math.min(words.length(), chars - text.length()));
        }
        return text.toString();
    }
}
