package dev.haven.client.bench;

import java.util.Set;

/**
 * {@code config}: writes a Haven configuration for load runs to standard output, to be given to
 * the server with {@code --config}. It holds {@code --rooms} synthetic rooms ({@code room-0},
 * {@code room-1}, ...) without guidelines, and rate limits raised far above the shipped
 * defaults so that the limits never refuse the tool's traffic, and the connection limits raised
 * since every connection of the tool comes from the same address. Everything else keeps Haven's
 * built-in defaults, which a {@code --config} file is merged over; the shipped defaults are
 * not touched.
 */
final class BenchConfig {
    static final Set<String> FLAGS = Set.of("--rooms", "--capacity", "--room-prefix");

    /** Per connection: far above what any sender of the tool does, within Haven's accepted range. */
    static final int SEND_PER_SECOND = 10_000;
    static final int FRAMES_PER_SECOND = 20_000;
    static final int FLOOD_REFUSALS = 100_000;
    /** Every connection of the tool comes from one loopback address. */
    static final int MAX_CONNECTIONS = 100_000;
    /**
     * The shipped default (20,000), not more: {@code bin/haven} sizes the heap from it, and the
     * scenarios measure a server started as the README says (docs/performance.md).
     */
    static final int MAX_CONNECTIONS_IN_TOTAL = 20_000;

    private BenchConfig() {
    }

    static String yaml(int rooms, int capacity, String roomPrefix) {
        StringBuilder yaml = new StringBuilder(rooms * 96 + 1024);
        yaml.append("# Haven configuration for load runs, written by: java -jar haven-bench.jar config --rooms ")
                .append(rooms).append(" --capacity ").append(capacity).append('\n')
                .append("# Not for real groups: the rate limits are raised far above the shipped defaults.\n")
                .append("limits:\n")
                .append("  sendPerSecond: ").append(SEND_PER_SECOND).append('\n')
                .append("  sendBurst: ").append(SEND_PER_SECOND).append('\n')
                .append("  framesPerSecond: ").append(FRAMES_PER_SECOND).append('\n')
                .append("  frameBurst: ").append(FRAMES_PER_SECOND).append('\n')
                .append("  floodRefusals: ").append(FLOOD_REFUSALS).append('\n')
                .append("  connectionsPerAddress: ").append(MAX_CONNECTIONS).append('\n')
                .append("  maxConnections: ").append(MAX_CONNECTIONS_IN_TOTAL).append('\n')
                .append("rooms:\n");
        for (int i = 0; i < rooms; i++) {
            yaml.append("  - {id: ").append(roomPrefix).append(i)
                    .append(", name: \"Bench room ").append(i)
                    .append("\", category: general, topic: \"load test\", capacity: ").append(capacity)
                    .append("}\n");
        }
        return yaml.toString();
    }
}
