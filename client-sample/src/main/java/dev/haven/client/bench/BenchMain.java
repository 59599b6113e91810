package dev.haven.client.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar haven-bench.jar COMMAND [--option value ...]}: the load tool
 * ({@code fanout}, {@code hold}, {@code saturate}), the benchmark configuration for Haven
 * ({@code config}) and the reference server ({@code reference}).
 */
public final class BenchMain {
    static final String USAGE = """
            usage: java -jar haven-bench.jar COMMAND [--option value ...]

              config     --rooms 1000 --capacity 1000 [--room-prefix room-]
                         print a Haven configuration (YAML) with synthetic rooms and raised rate limits
              reference  [--host 127.0.0.1] [--port 8091]
                         run the reference broadcast server (bare Netty) until stopped
              fanout     --rooms N --members M --senders S --rate R --duration T [--warmup 5] [--size 100]
                         [--stalled K] [--drain 10]
                         N rooms x M members; S senders per room at R msg/s each for T seconds
              hold       --connections K [--room-size 10] [--hold 10]
                         K idle joined members in rooms of room-size; join time and server RSS per connection
              saturate   --rooms N --members M --senders S [--start-rate 20] [--step-factor 1.25]
                         [--step-seconds 5] [--max-steps 20] [--max-rate 5000] [--p99-limit-ms 50]
                         [--retries 1]
                         raise the rate step by step until p99 > limit or a delivery is lost
              care       --facilitator-token TOKEN [--rooms 20] [--members 5] [--rate 200] [--duration 30]
                         [--warmup 10] [--crisis-every 10] [--drain 10]
                         members' messages at RATE/s in all; p99 from a crisis the lexicon misses to the
                         facilitator's alert from the detector's second stage (the model)

            load commands also take:
              --url ws://127.0.0.1:8090/ws   loopback only; several, comma-separated: member i goes
                                             to URL i mod n, senders spread over them too
              --target haven|reference       label for the report (both are driven the same way)
              --server-pid PID[,PID...]      read the servers' CPU time (summed and per process)
                                             and memory from /proc
              --out FILE                     write the JSON report there
              --threads 2                    client event-loop threads
              --connect-concurrency 256      connections being opened at once
              --join-timeout 60              seconds for every connection to join
              --room-prefix room-            rooms are room-0, room-1, ...
            """;

    private BenchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && "reference".equals(args[0])) {
            serveReference(args, System.out, System.err);
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status: 0 passed, 1 the run failed, 2 bad usage. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length == 0 || "--help".equals(args[0]) || "help".equals(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Report report;
        try {
            switch (args[0]) {
                case "config" -> {
                    Flags flags = Flags.parse(args, 1, BenchConfig.FLAGS);
                    out.print(BenchConfig.yaml(flags.integer("--rooms", 1000, 1, 100_000),
                            flags.integer("--capacity", 1000, 1, 100_000), flags.text("--room-prefix", "room-")));
                    return 0;
                }
                case "fanout" -> {
                    Flags flags = Flags.parse(args, 1, FanoutCommand.FLAGS);
                    LoadSettings settings = LoadSettings.from(flags);
                    FanoutCommand.Scenario scenario = FanoutCommand.Scenario.from(flags);
                    warnIfTooFewFiles(scenario.rooms() * scenario.members(), err);
                    report = FanoutCommand.run(settings, scenario);
                    return finish(report, settings, out);
                }
                case "hold" -> {
                    Flags flags = Flags.parse(args, 1, HoldCommand.FLAGS);
                    LoadSettings settings = LoadSettings.from(flags);
                    int connections = flags.integer("--connections", 10_000, 1, 50_000);
                    warnIfTooFewFiles(connections, err);
                    report = HoldCommand.run(settings, connections, flags.integer("--room-size", 10, 1, 10_000),
                            flags.decimal("--hold", 10, 0, 3600));
                    return finish(report, settings, out);
                }
                case "saturate" -> {
                    Flags flags = Flags.parse(args, 1, SaturateCommand.FLAGS);
                    LoadSettings settings = LoadSettings.from(flags);
                    SaturateCommand.Steps steps = SaturateCommand.Steps.from(flags);
                    FanoutCommand.Scenario scenario = SaturateCommand.scenario(flags, steps);
                    warnIfTooFewFiles(scenario.rooms() * scenario.members(), err);
                    report = SaturateCommand.run(settings, scenario, steps);
                    return finish(report, settings, out);
                }
                case "care" -> {
                    out.println(CareCommand.run(Flags.parse(args, 1, CareCommand.FLAGS)));
                    return 0;
                }
                default -> {
                    err.println("haven-bench: unknown command " + args[0]);
                    err.print(USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("haven-bench: " + e.getMessage());
            return 2;
        }
    }

    private static int finish(Report report, LoadSettings settings, PrintStream out) {
        if (settings.out() != null) {
            report.write(settings.out());
        }
        out.println(report.summary());
        return report.passed() ? 0 : 1;
    }

    private static void serveReference(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        ReferenceBroadcastServer server;
        String host;
        try {
            Flags flags = Flags.parse(args, 1, Set.of("--host", "--port"));
            host = flags.text("--host", "127.0.0.1");
            server = ReferenceBroadcastServer.start(host, flags.integer("--port", 8091, 0, 65535));
        } catch (IllegalArgumentException e) {
            err.println("haven-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "reference-shutdown"));
        out.println("reference broadcast server listening on ws://" + host + ":" + server.port() + "/ws pid="
                + ProcessHandle.current().pid());
        stopped.await();
    }

    /** Each connection is a file descriptor here and one in the server. */
    private static void warnIfTooFewFiles(int connections, PrintStream err) {
        long limit = openFilesLimit();
        if (limit > 0 && connections + 64 > limit) {
            err.println("haven-bench: warning: " + connections + " connections but this process may open only "
                    + limit + " files (ulimit -n)");
        }
    }

    private static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
