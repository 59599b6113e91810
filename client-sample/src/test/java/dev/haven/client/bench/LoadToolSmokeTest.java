package dev.haven.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's smoke run of the load tool: a few seconds of a tiny scenario against a real Haven server
 * in this process and against the reference server, asserting no loss and a well-formed report.
 * Not a timed test: latency and CPU figures are only checked to be present.
 */
@Timeout(120)
class LoadToolSmokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void fanout_againstHaven_deliversEveryMessageAndWritesTheReport() throws Exception {
        try (InProcessHaven haven = InProcessHaven.start(4, 50)) {
            Path out = dir.resolve("haven.json");

            Run run = bench("fanout", "--url", haven.url().toString(), "--target", "haven", "--rooms", "2",
                    "--members", "5", "--senders", "1", "--rate", "10", "--duration", "3", "--warmup", "0.5",
                    "--server-pid", Long.toString(ProcessHandle.current().pid()), "--out", out.toString());

            assertThat(run.status()).as(run.output()).isZero();
            assertFanoutReport(JSON.readTree(out.toFile()), "haven");
            assertThat(run.output()).startsWith("fanout target=haven").contains("loss=0");
        }
    }

    @Test
    void fanout_againstReference_deliversEveryMessageAndWritesTheReport() throws Exception {
        try (ReferenceBroadcastServer reference = ReferenceBroadcastServer.start("127.0.0.1", 0)) {
            Path out = dir.resolve("reference.json");

            Run run = bench("fanout", "--url", url(reference), "--target", "reference", "--rooms", "2",
                    "--members", "5", "--senders", "1", "--rate", "10", "--duration", "3", "--warmup", "0.5",
                    "--server-pid", Long.toString(ProcessHandle.current().pid()), "--out", out.toString());

            assertThat(run.status()).as(run.output()).isZero();
            assertFanoutReport(JSON.readTree(out.toFile()), "reference");
        }
    }

    @Test
    void hold_againstHaven_joinsEveryConnectionAndReportsMemory() throws Exception {
        try (InProcessHaven haven = InProcessHaven.start(4, 50)) {
            Path out = dir.resolve("hold.json");

            Run run = bench("hold", "--url", haven.url().toString(), "--connections", "30", "--room-size", "10",
                    "--hold", "0.2", "--server-pid", Long.toString(ProcessHandle.current().pid()),
                    "--out", out.toString());

            assertThat(run.status()).as(run.output()).isZero();
            JsonNode report = JSON.readTree(out.toFile());
            assertThat(report.path("mode").asText()).isEqualTo("hold");
            assertThat(report.path("connections").path("joined").asInt()).isEqualTo(30);
            assertThat(report.path("connections").path("joinsPerSecond").asDouble()).isPositive();
            assertThat(report.path("server").path("rssAfterHoldKb").asLong()).isPositive();
            assertThat(report.path("server").has("rssPerConnectionKb")).isTrue();
            assertThat(report.path("passed").asBoolean()).isTrue();
        }
    }

    @Test
    void saturate_againstReference_reportsTheLastGoodRate() throws Exception {
        try (ReferenceBroadcastServer reference = ReferenceBroadcastServer.start("127.0.0.1", 0)) {
            Path out = dir.resolve("saturate.json");

            Run run = bench("saturate", "--url", url(reference), "--target", "reference", "--rooms", "1",
                    "--members", "5", "--senders", "1", "--start-rate", "10", "--step-factor", "2",
                    "--step-seconds", "1", "--max-steps", "2", "--warmup", "0", "--p99-limit-ms", "60000",
                    "--out", out.toString());

            assertThat(run.status()).as(run.output()).isZero();
            JsonNode report = JSON.readTree(out.toFile());
            assertThat(report.path("results")).hasSize(2);
            assertThat(report.path("lastGoodRatePerSender").asDouble()).isEqualTo(20.0);
            assertThat(report.path("results").get(1).path("loss").asLong()).isZero();
            assertThat(report.path("stopReason").asText()).isEqualTo("max steps reached");
        }
    }

    @Test
    void saturate_stepOverTheLimit_isRunOnceMoreThenEndsTheSearch() throws Exception {
        try (ReferenceBroadcastServer reference = ReferenceBroadcastServer.start("127.0.0.1", 0)) {
            Path out = dir.resolve("saturate-fails.json");

            Run run = bench("saturate", "--url", url(reference), "--target", "reference", "--rooms", "1",
                    "--members", "3", "--senders", "1", "--start-rate", "10", "--step-seconds", "1",
                    "--max-steps", "3", "--warmup", "0", "--p99-limit-ms", "0.1", "--retries", "1",
                    "--out", out.toString());

            assertThat(run.status()).as(run.output()).isEqualTo(1);
            JsonNode report = JSON.readTree(out.toFile());
            assertThat(report.path("results")).hasSize(2);
            assertThat(report.path("results").get(0).path("step").asInt()).isEqualTo(1);
            assertThat(report.path("results").get(1).path("step").asInt()).isEqualTo(1);
            assertThat(report.path("lastGood").isNull()).isTrue();
            assertThat(report.path("stopReason").asText()).startsWith("p99");
            assertThat(report.path("passed").asBoolean()).isFalse();
        }
    }

    @Test
    void fanout_unknownOption_isAUsageError() throws Exception {
        Run run = bench("fanout", "--roms", "2");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("unknown option --roms");
    }

    private static void assertFanoutReport(JsonNode report, String target) {
        assertThat(report.path("mode").asText()).isEqualTo("fanout");
        assertThat(report.path("target").asText()).isEqualTo(target);
        assertThat(report.path("connections").path("joined").asInt()).isEqualTo(10);
        // 2 rooms x 1 sender x 10 msg/s x 3 s, each to the 5 members of its room, the sender included.
        assertThat(report.path("messagesSent").asLong()).isEqualTo(60);
        assertThat(report.path("deliveriesExpected").asLong()).isEqualTo(300);
        assertThat(report.path("deliveriesReceived").asLong()).isEqualTo(300);
        assertThat(report.path("loss").asLong()).isZero();
        assertThat(report.path("errors").asLong()).isZero();
        assertThat(report.path("sendsAcked").asLong()).isEqualTo(60);
        JsonNode latency = report.path("latencyMs");
        assertThat(latency.path("count").asLong()).isEqualTo(300);
        for (String field : List.of("p50", "p99", "p999", "max")) {
            assertThat(latency.path(field).isNumber()).as(field).isTrue();
        }
        assertThat(latency.path("p50").asDouble()).isLessThanOrEqualTo(latency.path("p99").asDouble());
        assertThat(latency.path("p99").asDouble()).isLessThanOrEqualTo(latency.path("max").asDouble());
        assertThat(report.path("deliveriesPerSecond").asDouble()).isPositive();
        assertThat(report.path("serverCpuSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(report.path("server").path("peakRssKb").asLong()).isPositive();
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("summary").asText()).contains("loss=0");
    }

    private static String url(ReferenceBroadcastServer reference) {
        return URI.create("ws://127.0.0.1:" + reference.port() + "/ws").toString();
    }

    private record Run(int status, String output) {
    }

    private static Run bench(String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(args));
        int status = BenchMain.run(all.toArray(String[]::new), print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
}
