package dev.haven.protocol;

/**
 * A frame that could not be turned into a request. The message is written for the client
 * and never quotes what the client sent.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String requestId;
    private final String requestType;

    public ProtocolException(ErrorCode code, String message, String requestId) {
        this(code, message, requestId, null);
    }

    public ProtocolException(ErrorCode code, String message, String requestId, String requestType) {
        super(message, null, false, false);
        this.code = code;
        this.requestId = requestId;
        this.requestType = requestType;
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * The frame's {@code type} when it was a string, else null. For decisions only (such as
     * "was this a hello?"); it is client input, so never show or log it.
     */
    public String requestType() {
        return requestType;
    }

    /** The request's {@code id} when one could be read, else null. */
    public String requestId() {
        return requestId;
    }
}
