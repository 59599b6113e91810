package dev.haven.client;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.server.ErrorReply;

/**
 * The server answered a request with an {@code error} reply. A request's future completes
 * exceptionally with it.
 */
public final class HavenErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final String wireCode;
    private final ErrorCode code;
    private final String serverMessage;
    private final Long retryAfterMs;

    /**
     * @param wireCode     the code as the server wrote it
     * @param retryAfterMs how long to wait before trying again, or null
     */
    public HavenErrorException(String requestId, String wireCode, String serverMessage, Long retryAfterMs) {
        super(wireCode + ": " + serverMessage, null, false, false);
        this.requestId = requestId;
        this.wireCode = wireCode;
        this.code = knownCode(wireCode);
        this.serverMessage = serverMessage;
        this.retryAfterMs = retryAfterMs;
    }

    static HavenErrorException of(ErrorReply reply) {
        return new HavenErrorException(reply.id(), reply.code() == null ? "unknown" : reply.code().wireName(),
                reply.message() == null ? "" : reply.message(), reply.retryAfterMs());
    }

    private static ErrorCode knownCode(String wireCode) {
        try {
            return ErrorCode.fromWire(wireCode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The error code, or null when the server sent a code this client does not know. */
    public ErrorCode code() {
        return code;
    }

    /** The error code as the server wrote it, such as {@code not_found}; never null. */
    public String wireCode() {
        return wireCode;
    }

    /** The server's explanation, written for people. */
    public String serverMessage() {
        return serverMessage;
    }

    /** For {@code slow_mode} and {@code rate_limited}: milliseconds to wait before retrying; else null. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }

    /** The id of the request this error answers. */
    public String requestId() {
        return requestId;
    }
}
