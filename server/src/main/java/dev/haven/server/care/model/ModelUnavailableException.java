package dev.haven.server.care.model;

/** The crisis model could not be loaded or read; the message says why, never a member's words. */
public final class ModelUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
