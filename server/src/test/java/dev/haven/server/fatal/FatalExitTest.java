package dev.haven.server.fatal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fatal error ends the process, with a last line and a status a supervisor acts on, wherever
 * it happens: in a room's task on an event loop, in a task Netty catches and only logs, on a
 * thread of its own. Each case runs in a process of its own ({@link FailingProcess}).
 */
class FatalExitTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "room,       3,  fatal java.lang.OutOfMemoryError in room lounge: exiting with status 3",
        "event-loop, 3,  fatal java.lang.OutOfMemoryError in logger",
        "thread,     70, fatal java.lang.ExceptionInInitializerError in thread worker: exiting with status 70"})
    void fatalError_endsTheProcessWithALastLineAndItsStatus(String where, int status, String lastLine)
            throws IOException, InterruptedException {
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-DHAVEN_LOG_LEVEL=INFO",
                FailingProcess.class.getName(), where))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            assertThat(process.waitFor(45, TimeUnit.SECONDS)).as("the process ended by itself").isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("exit status; output:%n%s", printed).isEqualTo(status);
            assertThat(printed).contains(lastLine).doesNotContain("still alive");
        } finally {
            process.destroyForcibly();
        }
    }
}
