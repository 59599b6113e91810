package dev.haven.server.auth;

/** A token or secret that cannot be used. The message never contains the token or the secret. */
public final class AuthException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthException(String message) {
        super(message, null, false, false);
    }
}
