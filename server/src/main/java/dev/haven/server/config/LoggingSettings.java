package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * How log lines are written to standard output.
 *
 * @param format {@code text} (one line per event, the default) or {@code json} (one JSON object
 *               per line, the same fields); env {@code HAVEN_LOG_FORMAT}, which Logback also
 *               reads before the configuration is loaded
 */
public record LoggingSettings(String format) {
    public static final String TEXT = "text";
    public static final String JSON = "json";

    public LoggingSettings {
        format = format == null ? TEXT : format.strip().toLowerCase(java.util.Locale.ROOT);
        check(format.equals(TEXT) || format.equals(JSON), "logging.format must be text or json");
    }

    public static LoggingSettings defaults() {
        return new LoggingSettings(TEXT);
    }

    public boolean json() {
        return JSON.equals(format);
    }
}
