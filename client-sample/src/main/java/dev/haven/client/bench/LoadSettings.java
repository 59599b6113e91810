package dev.haven.client.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What every load command shares: where the server is, what to call it in the report, how many
 * client threads, which process to probe, and how connections are opened.
 *
 * @param target            {@code haven} or {@code reference}: a label for the report; both are
 *                          driven through the same code
 * @param serverPid         the server's process id, for its CPU time and memory; -1 for none
 * @param out               where the JSON report goes; null for none
 * @param connectConcurrency connections being opened and joined at once, at most
 * @param roomPrefix        rooms are named prefix + 0, 1, 2, ... ({@code room-0} and up)
 */
record LoadSettings(URI url, String target, int threads, long serverPid, Path out, int connectConcurrency,
                    Duration joinTimeout, String roomPrefix) {
    static final Set<String> FLAGS = Set.of("--url", "--target", "--threads", "--server-pid", "--out",
            "--connect-concurrency", "--join-timeout", "--room-prefix");

    LoadSettings {
        LoopbackOnly.check(url);
        if (!"haven".equals(target) && !"reference".equals(target)) {
            throw new IllegalArgumentException("--target must be haven or reference");
        }
    }

    static LoadSettings from(Flags flags) {
        return new LoadSettings(
                URI.create(flags.text("--url", "ws://127.0.0.1:8090/ws")),
                flags.text("--target", "haven"),
                flags.integer("--threads", 2, 1, 64),
                flags.longValue("--server-pid", -1, -1, Long.MAX_VALUE),
                flags.has("--out") ? Path.of(flags.text("--out", null)) : null,
                flags.integer("--connect-concurrency", 256, 1, 10_000),
                Duration.ofSeconds(flags.integer("--join-timeout", 60, 1, 3600)),
                flags.text("--room-prefix", "room-"));
    }

    String room(int index) {
        return roomPrefix + index;
    }
}
