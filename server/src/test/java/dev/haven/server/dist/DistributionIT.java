package dev.haven.server.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.server.testing.Http;
import dev.haven.server.testing.ProcessOutput;
import dev.haven.server.testing.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as an operator gets it: unpacked, {@code bin/haven} starts the server
 * with the sample configuration, the recommended JVM flags and {@code JAVA_OPTS}, logs one JSON
 * object per line, serves, and stops on SIGTERM. Runs after {@code package} (failsafe).
 */
class DistributionIT {
    private static final String SECRET = "dist-test-secret-dist-test-secret-0123456789";
    /** Letters only: a run of digits in a pseudonym reads as a phone number, which hello refuses. */
    private static final String CANARY = "qz" + UUID.randomUUID().toString().replaceAll("[^a-f]", "")
            .concat("abcdefabcdef").substring(0, 12);

    @TempDir
    Path dir;

    private Path unpack() throws Exception {
        Path archive = Path.of(System.getProperty("haven.dist", "target/haven-dist.tar.gz"));
        assertThat(archive).as("mvn package builds the archive").exists();
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        return dir.resolve("haven");
    }

    @Test
    void archive_holdsTheLauncherConfigurationAndASandboxedUnit() throws Exception {
        Path haven = unpack();
        assertThat(haven.resolve("bin/haven")).isExecutable();
        assertThat(haven.resolve("lib/haven-server.jar")).isRegularFile();
        assertThat(haven.resolve("etc/haven.yaml")).isRegularFile();
        String unit = Files.readString(haven.resolve("systemd/haven.service"));
        assertThat(unit).contains("DynamicUser=yes", "ProtectSystem=strict", "StateDirectory=haven",
                "NoNewPrivileges=yes", "Environment=HAVEN_STATE_DIR=/var/lib/haven",
                "ExecStart=/opt/haven/bin/haven --config /etc/haven/haven.yaml");
        String launcher = Files.readString(haven.resolve("bin/haven"));
        assertThat(launcher).contains("-XX:+ExitOnOutOfMemoryError", "-XX:MaxNewSize=24m", "JAVA_OPTS");
    }

    @Test
    void binHaven_derivesTheHeapFromMaxConnections_unlessHavenHeapIsSet() throws Exception {
        Path haven = unpack();
        // A "java" that prints the flags it is given, so the launcher's choice is read without a server.
        Path fakeJava = dir.resolve("fake-jdk/bin/java");
        Files.createDirectories(fakeJava.getParent());
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
        assertThat(fakeJava.toFile().setExecutable(true)).isTrue();
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "limits:\n  connectionsPerAddress: 100000\n  maxConnections: 100000   # a lot\n");

        assertThat(launch(haven, null, "--port", "0")).contains("-Xmx512m ", "-XX:MaxNewSize=24m",
                "-XX:GuaranteedSafepointInterval=0", "-XX:+ExitOnOutOfMemoryError");
        assertThat(launch(haven, null, "--config", haven.resolve("etc/haven.yaml").toString()))
                .as("the sample configuration keeps the default 20,000").contains("-Xmx512m ");
        // 192 MB + 100,000 x 16 KB = 192 + 1563 MB.
        assertThat(launch(haven, null, "--config", big.toString())).contains("-Xmx1755m ");
        assertThat(launch(haven, null, "--config=" + big)).contains("-Xmx1755m ");
        assertThat(launch(haven, "2g", "--config", big.toString())).contains("-Xmx2g ").doesNotContain("1755m");
    }

    private String launch(Path haven, String havenHeap, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(haven.resolve("bin/haven").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", dir.resolve("fake-jdk").toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("HAVEN_HEAP");
        if (havenHeap != null) {
            builder.environment().put("HAVEN_HEAP", havenHeap);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void binHaven_startsTheServer_withTheFlags_logsJsonLines_withoutWhatWasTyped_andStopsOnSigterm() throws Exception {
        Path haven = unpack();
        ProcessBuilder builder = new ProcessBuilder(haven.resolve("bin/haven").toString(),
                "--config", haven.resolve("etc/haven.yaml").toString(), "--port", "0")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Dhaven.dist.test=" + CANARY.length() + " -Xss512k");
        builder.environment().put("HAVEN_TOKEN_SECRET", SECRET);
        builder.environment().put("HAVEN_STATE_DIR", dir.resolve("state").toString());
        builder.environment().put("HAVEN_LOG_FORMAT", "json");
        builder.environment().put("HOME", dir.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove("XDG_DATA_HOME");
        Process process = builder.start();
        ProcessOutput output = ProcessOutput.follow(process);
        try {
            int port = output.awaitPort(Duration.ofSeconds(60));
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertThat(cmdline).as("bin/haven execs java itself").contains("-Xmx512m", "-XX:MaxNewSize=24m",
                    "-XX:+ExitOnOutOfMemoryError", "-Xss512k", "lib/haven-server.jar");

            try (TestClient sam = TestClient.guest(port, "Sam " + CANARY)) {
                assertThat(sam.request("{\"type\":\"join\",\"room\":\"open-lounge\",\"acceptGuidelines\":true}")
                        .path("type").asText()).isEqualTo("ok");
                assertThat(sam.request("{\"type\":\"send\",\"room\":\"open-lounge\",\"text\":\"" + CANARY + "\"}")
                        .path("type").asText()).isEqualTo("ok");
            }
            assertThat(Http.get(port, "/healthz", null).status()).isEqualTo(200);
            assertThat(Http.get(port, "/metrics", null).body()).contains("haven_messages_accepted_total 1.0");
            assertThat(Path.of(dir.toString(), "state", "haven.lock")).exists();

            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            process.toHandle().destroy();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stops within the grace").isTrue();
            output.awaitEnd(Duration.ofSeconds(5));
            assertThat(process.exitValue()).as("exit on SIGTERM; output:\n" + String.join("\n", output.lines()))
                    .isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = output.lines();
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.has("ts") && event.has("level") && event.has("message")).as(line).isTrue();
        }
        assertThat(String.join("\n", lines)).doesNotContain(CANARY).contains("\"message\":\"stopped\"");
    }
}
