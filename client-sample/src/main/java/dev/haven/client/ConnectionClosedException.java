package dev.haven.client;

import java.io.IOException;

/**
 * The connection ended before a request got its reply, or a request was made after it ended.
 * Carries the close code and reason also reported to {@link HavenListener#onClosed}.
 */
public final class ConnectionClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;

    public ConnectionClosedException(int code, String reason) {
        super("connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
        this.code = code;
        this.reason = reason == null ? "" : reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
