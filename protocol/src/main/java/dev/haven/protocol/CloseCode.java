package dev.haven.protocol;

/** WebSocket close codes the server uses, and what each means to a client. */
public enum CloseCode {
    /** The connection ends normally. */
    NORMAL(1000),
    /** The server is shutting down: reconnect with backoff. */
    GOING_AWAY(1001),
    PROTOCOL_ERROR(1002),
    /** A binary frame arrived; the protocol is text-only. */
    UNSUPPORTED_DATA(1003),
    INVALID_PAYLOAD(1007),
    /** Flooding past the rate limit, too many bad frames, or a reader too slow to keep up. */
    POLICY_VIOLATION(1008),
    /** A frame or message larger than the configured limit. */
    MESSAGE_TOO_BIG(1009),
    /**
     * This server process is going away while others of the same cluster keep serving:
     * reconnect at once (with jitter) and rejoin with {@code since}.
     */
    SERVICE_RESTART(1012),
    /** No valid {@code hello} in time, or an invalid or expired token. */
    UNAUTHENTICATED(4001);

    private final int code;

    CloseCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
