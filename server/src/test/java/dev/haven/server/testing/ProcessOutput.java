package dev.haven.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The output of a server started as its own process, read line by line on a thread of its own. */
public final class ProcessOutput {
    private static final Pattern LISTENING = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/ws");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> arriving = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ProcessOutput(Process process) {
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    arriving.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts reading the process's standard output (with its errors redirected into it). */
    public static ProcessOutput follow(Process process) {
        return new ProcessOutput(process);
    }

    /** The port of the server's "listening on" line, waiting for it up to {@code timeout}. */
    public int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = arriving.poll(1, TimeUnit.SECONDS);
            Matcher matcher = line == null ? null : LISTENING.matcher(line);
            if (matcher != null && matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the server did not start; output:\n" + String.join("\n", lines));
    }

    /** Waits for the end of the output (the process has exited) up to {@code timeout}. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
