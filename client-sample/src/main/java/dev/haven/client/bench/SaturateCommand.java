package dev.haven.client.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code saturate}: one fan-out scenario whose send rate rises step by step (times
 * {@code --step-factor}) until a step loses a delivery, meets an error, or has p99 above
 * {@code --p99-limit-ms}; reports the last good step. A failed step is run again at the same
 * rate up to {@code --retries} times (default 1) before the search stops, so that one pause of
 * another process on a shared machine does not end it. At most {@code --max-steps} steps.
 */
final class SaturateCommand {
    static final Set<String> FLAGS = Stream.concat(LoadSettings.FLAGS.stream(), Stream.of("--rooms", "--members",
            "--senders", "--start-rate", "--step-factor", "--step-seconds", "--max-steps", "--max-rate",
            "--p99-limit-ms", "--retries", "--warmup", "--size", "--drain"))
            .collect(Collectors.toUnmodifiableSet());

    /** How the rate rises. */
    record Steps(double startRate, double factor, double stepSeconds, int maxSteps, double maxRate,
                 double p99LimitMs, int retries) {
        Steps {
            if (maxSteps * (retries + 1) >= RunStats.MAX_PHASES) {
                throw new IllegalArgumentException("--max-steps x (--retries + 1) must be below " + RunStats.MAX_PHASES);
            }
        }

        static Steps from(Flags flags) {
            return new Steps(
                    flags.decimal("--start-rate", 20, 0.1, 100_000),
                    flags.decimal("--step-factor", 1.25, 1.01, 10),
                    flags.decimal("--step-seconds", 5, 0.5, 600),
                    flags.integer("--max-steps", 20, 1, RunStats.MAX_PHASES - 1),
                    flags.decimal("--max-rate", 5000, 0.1, 100_000),
                    flags.decimal("--p99-limit-ms", 50, 0.1, 60_000),
                    flags.integer("--retries", 1, 0, 5));
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("startRatePerSender", startRate);
            map.put("stepFactor", factor);
            map.put("stepSeconds", stepSeconds);
            map.put("maxSteps", maxSteps);
            map.put("maxRatePerSender", maxRate);
            map.put("p99LimitMs", p99LimitMs);
            map.put("retries", retries);
            return map;
        }
    }

    private SaturateCommand() {
    }

    static FanoutCommand.Scenario scenario(Flags flags, Steps steps) {
        int members = flags.integer("--members", 200, 1, 20_000);
        return new FanoutCommand.Scenario(
                flags.integer("--rooms", 1, 1, 10_000),
                members,
                flags.integer("--senders", 5, 1, members),
                steps.startRate(),
                steps.stepSeconds(),
                flags.decimal("--warmup", 5, 0, 600),
                flags.integer("--size", 100, 1, 60_000),
                0,
                flags.decimal("--drain", 10, 0.5, 120));
    }

    static Report run(LoadSettings settings, FanoutCommand.Scenario scenario, Steps steps) throws InterruptedException {
        Report report = new Report("saturate", settings);
        report.put("scenario", scenario.toMap());
        report.put("steps", steps.toMap());
        int wanted = scenario.rooms() * scenario.members();
        try (LoadRun run = new LoadRun(settings)) {
            BenchClient.Joined joined = run.connect(FanoutCommand.members(settings, scenario));
            report.put("connections", FanoutCommand.connections(joined, wanted));
            if (!FanoutCommand.joinedAll(joined, wanted)) {
                report.fail();
                report.summary("saturate target=" + settings.target() + " FAILED: joined "
                        + joined.connections().size() + " of " + wanted + " " + joined.failures());
                return report;
            }
            String text = FanoutCommand.text(scenario.textChars());
            List<BenchConnection> senders = run.sendersPerRoom(scenario.senders());
            if (scenario.warmupSeconds() > 0) {
                report.put("warmup", run.phase(0, senders, steps.startRate(), scenario.warmupSeconds(), text,
                        scenario.drainSeconds()).toMap());
            }
            List<Map<String, Object>> results = new ArrayList<>();
            LoadRun.Phase lastGood = null;
            LoadRun.Phase failed = null;
            String stopReason = "max steps reached";
            double rate = steps.startRate();
            int phase = 0;
            int failures = 0;
            int step = 1;
            // Bounded: each turn either raises the step or spends one of the step's retries.
            while (step <= steps.maxSteps()) {
                LoadRun.Phase result = run.phase(++phase, senders, rate, steps.stepSeconds(), text,
                        scenario.drainSeconds());
                String verdict = verdict(result, steps, run);
                Map<String, Object> row = result.toMap();
                row.put("step", step);
                row.put("verdict", verdict == null ? "good" : verdict);
                results.add(row);
                if (verdict != null) {
                    if (++failures <= steps.retries()) {
                        continue;
                    }
                    failed = result;
                    stopReason = verdict;
                    break;
                }
                failures = 0;
                lastGood = result;
                if (rate >= steps.maxRate()) {
                    stopReason = "max rate reached";
                    break;
                }
                rate = Math.min(steps.maxRate(), rate * steps.factor());
                step++;
            }
            report.put("results", results);
            report.put("stopReason", stopReason);
            report.put("lastGood", lastGood == null ? null : lastGood.toMap());
            report.put("lastGoodRatePerSender", lastGood == null ? 0 : lastGood.ratePerSender());
            report.put("lastGoodDeliveriesPerSecond", lastGood == null ? 0 : LoadRun.round(lastGood.deliveriesPerSecond()));
            if (run.server() != null) {
                report.put("server", Report.process(run.server().sample()));
            }
            report.put("tool", Report.process(run.tool().sample()));
            report.put("errorsByCode", run.stats().errorsByCode());
            if (lastGood == null) {
                report.fail();
            }
            report.summary("saturate target=" + settings.target() + " rooms=" + scenario.rooms() + " members="
                    + scenario.members() + " senders=" + scenario.senders()
                    + " lastGoodRate=" + (lastGood == null ? "none" : Report.num(lastGood.ratePerSender()) + "/s")
                    + " lastGoodDeliveries/s=" + (lastGood == null ? "0" : Report.num(lastGood.deliveriesPerSecond()))
                    + " lastGoodP99=" + (lastGood == null ? "n/a" : Report.num(lastGood.latency().p99()) + "ms")
                    + " stoppedAt=" + (failed == null ? "n/a" : Report.num(failed.ratePerSender()) + "/s")
                    + " reason=\"" + stopReason + "\" runs=" + results.size());
        }
        return report;
    }

    /** Why a step is not good, or null when it is. */
    private static String verdict(LoadRun.Phase phase, Steps steps, LoadRun run) {
        if (phase.loss() > 0) {
            return "loss: " + phase.loss() + " of " + phase.expected() + " deliveries missing";
        }
        if (phase.errors() > 0) {
            return "errors: " + phase.errors();
        }
        if (run.stats().closedEarlyCount() > 0) {
            return "connections closed: " + run.stats().closedEarlyCount();
        }
        if (phase.latency().p99() > steps.p99LimitMs()) {
            return "p99 " + Report.num(phase.latency().p99()) + " ms over " + Report.num(steps.p99LimitMs()) + " ms";
        }
        return null;
    }
}
