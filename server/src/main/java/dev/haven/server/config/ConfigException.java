package dev.haven.server.config;

/** A configuration that cannot be used; the message names the setting and what is wrong. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }
}
