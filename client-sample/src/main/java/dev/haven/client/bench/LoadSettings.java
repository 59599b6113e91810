package dev.haven.client.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What every load command shares: where the servers are, what to call them in the report, how
 * many client threads, which processes to probe, and how connections are opened.
 *
 * @param urls              one or more nodes ({@code --url a,b}): member i connects to
 *                          {@code urls[i mod n]} ({@link #node(int)}); every one loopback only
 * @param target            {@code haven} or {@code reference}: a label for the report; both are
 *                          driven through the same code
 * @param serverPids        the servers' process ids ({@code --server-pid a,b}), for their CPU time
 *                          (summed, and per process) and memory; empty for none
 * @param out               where the JSON report goes; null for none
 * @param connectConcurrency connections being opened and joined at once, at most
 * @param roomPrefix        rooms are named prefix + 0, 1, 2, ... ({@code room-0} and up)
 */
record LoadSettings(List<URI> urls, String target, int threads, List<Long> serverPids, Path out,
                    int connectConcurrency, Duration joinTimeout, String roomPrefix) {
    static final Set<String> FLAGS = Set.of("--url", "--target", "--threads", "--server-pid", "--out",
            "--connect-concurrency", "--join-timeout", "--room-prefix");

    LoadSettings {
        urls = List.copyOf(urls);
        serverPids = List.copyOf(serverPids);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("--url needs at least one URL");
        }
        urls.forEach(LoopbackOnly::check);
        if (!"haven".equals(target) && !"reference".equals(target)) {
            throw new IllegalArgumentException("--target must be haven or reference");
        }
    }

    static LoadSettings from(Flags flags) {
        return new LoadSettings(
                list(flags.text("--url", "ws://127.0.0.1:8090/ws")).stream().map(URI::create).toList(),
                flags.text("--target", "haven"),
                flags.integer("--threads", 2, 1, 64),
                flags.has("--server-pid") ? pids(flags.text("--server-pid", null)) : List.of(),
                flags.has("--out") ? Path.of(flags.text("--out", null)) : null,
                flags.integer("--connect-concurrency", 256, 1, 10_000),
                Duration.ofSeconds(flags.integer("--join-timeout", 60, 1, 3600)),
                flags.text("--room-prefix", "room-"));
    }

    String room(int index) {
        return roomPrefix + index;
    }

    /** The node member {@code index} (counted over the whole run) connects to: index mod nodes. */
    int node(int index) {
        return index % urls.size();
    }

    private static List<String> list(String text) {
        List<String> items = Arrays.stream(text.split(",")).map(String::trim).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("an empty item in " + text);
        }
        return items;
    }

    /** {@code --server-pid 123,456}; -1 alone (the old way to say none) means none. */
    private static List<Long> pids(String text) {
        List<Long> pids = list(text).stream().map(item -> {
            try {
                return Long.parseLong(item);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--server-pid takes process ids, got " + item);
            }
        }).filter(pid -> pid != -1).toList();
        if (pids.stream().anyMatch(pid -> pid <= 0)) {
            throw new IllegalArgumentException("--server-pid takes positive process ids");
        }
        return pids;
    }
}
