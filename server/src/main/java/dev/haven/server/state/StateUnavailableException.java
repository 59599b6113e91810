package dev.haven.server.state;

/**
 * What is kept could not be read or written now (a cluster's Redis does not answer): nothing
 * was changed, and the caller may try again after {@link #retryAfterMillis}.
 */
public final class StateUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterMillis;

    public StateUnavailableException(String message, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
