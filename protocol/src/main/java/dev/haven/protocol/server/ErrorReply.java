package dev.haven.protocol.server;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.Fields;

/**
 * A failed request. {@code message} is for people and never quotes the request.
 *
 * @param retryAfterMs set for {@code slow_mode}, {@code rate_limited} and {@code unavailable}
 */
public record ErrorReply(String id, ErrorCode code, String message, Long retryAfterMs) implements ServerMessage {
    public ErrorReply {
        Fields.require(code, "code");
        Fields.require(message, "message");
    }

    public static ErrorReply of(String id, ErrorCode code, String message) {
        return new ErrorReply(id, code, message, null);
    }
}
