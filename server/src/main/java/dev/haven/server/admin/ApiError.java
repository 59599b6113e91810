package dev.haven.server.admin;

import dev.haven.protocol.ErrorCode;

/**
 * A refusal of the admin API: its HTTP status and the error code of its JSON body, like the
 * WebSocket protocol's {@code error} frames: {@code {"type":"error","code":...,"message":...}}.
 * Codes are those of the protocol, and {@code conflict} for a room id already taken.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String CONFLICT = "conflict";

    final int status;
    final String code;
    final long retryAfterMs;

    ApiError(int status, String code, String message, long retryAfterMs) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    ApiError(int status, ErrorCode code, String message) {
        this(status, code.wireName(), message, 0);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, ErrorCode.BAD_REQUEST, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, ErrorCode.NOT_FOUND, message);
    }
}
