package dev.haven.bench.jmh;

import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import java.util.Map;

/** What the benchmarks share: message text and the built-in configuration. */
final class Fixtures {
    private Fixtures() {
    }

    /** Plain words, {@code chars} characters long: a chat message without escapes. */
    static String text(int chars) {
        String words = "what is shared here stays here and everyone gets room to talk ";
        StringBuilder text = new StringBuilder(chars);
        while (text.length() < chars) {
            text.append(words, 0, Math.min(words.length(), chars - text.length()));
        }
        return text.toString();
    }

    /** Haven's built-in configuration, as a server without {@code --config} runs. */
    static HavenConfig defaults() {
        return new ConfigLoader().load(null, Map.of());
    }
}
