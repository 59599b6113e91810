package dev.haven.client.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A command's result: one summary line for the terminal and a JSON document for the file
 * given with {@code --out}. Keys keep the order they were put in.
 */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root = new LinkedHashMap<>();
    private String summary = "";
    private boolean passed = true;

    Report(String mode, LoadSettings settings) {
        root.put("mode", mode);
        root.put("target", settings.target());
        root.put("url", settings.urls().stream().map(Object::toString).collect(Collectors.joining(",")));
        root.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("machine", machine());
        root.put("clientThreads", settings.threads());
    }

    Report put(String key, Object value) {
        root.put(key, value);
        return this;
    }

    Map<String, Object> root() {
        return root;
    }

    /** Marks the run as failed (loss, refused joins, errors); the command then exits with 1. */
    void fail() {
        passed = false;
    }

    boolean passed() {
        return passed;
    }

    void summary(String line) {
        summary = line;
    }

    String summary() {
        return summary;
    }

    /** Writes the JSON document, with {@code passed} and the summary line in it. */
    void write(Path file) {
        root.put("passed", passed);
        root.put("summary", summary);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    /** The server's process as the probe reads it now: peak and current memory, threads. */
    static Map<String, Object> process(ProcessProbe.Sample sample) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pid", sample.pid());
        map.put("cpuSecondsTotal", LoadRun.round(sample.cpuSeconds()));
        map.put("userCpuSecondsTotal", LoadRun.round(sample.cpu().user()));
        map.put("systemCpuSecondsTotal", LoadRun.round(sample.cpu().system()));
        map.put("rssKb", sample.rssKb());
        map.put("peakRssKb", sample.peakRssKb());
        map.put("threads", sample.threads());
        return map;
    }

    static Map<String, Object> machine() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cores", Runtime.getRuntime().availableProcessors());
        map.put("cpuModel", cpuModel());
        map.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        map.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return map;
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** A number for the summary line: whole when large, three decimals when small. */
    static String num(double value) {
        if (value < 0) {
            return "n/a";
        }
        if (value >= 100) {
            return Long.toString(Math.round(value));
        }
        return String.format(java.util.Locale.ROOT, "%.3g", value);
    }
}
