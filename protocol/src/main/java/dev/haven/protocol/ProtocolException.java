package dev.haven.protocol;

/**
 * A frame that could not be turned into a request. The message is written for the client
 * and never quotes what the client sent.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String requestId;

    public ProtocolException(ErrorCode code, String message, String requestId) {
        super(message, null, false, false);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request's {@code id} when one could be read, else null. */
    public String requestId() {
        return requestId;
    }
}
