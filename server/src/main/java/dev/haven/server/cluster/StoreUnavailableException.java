package dev.haven.server.cluster;

/**
 * The shared store could not be reached, or did not answer in time. What was asked may or may
 * not have happened; a request it fails is answered {@code unavailable}, and the client's retry
 * (a {@code send} with the same {@code clientId}) is safe.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
