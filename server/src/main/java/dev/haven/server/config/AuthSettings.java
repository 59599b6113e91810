package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Who may connect.
 *
 * @param allowGuests        whether a {@code hello} with a pseudonym and no token is accepted
 * @param tokenSecret        the HS256 secret for tokens; prefer the environment variable
 *                           {@code HAVEN_TOKEN_SECRET}; null to use {@code secretFile}
 * @param secretFile         where the generated secret is kept when no secret is given; null for
 *                           {@code $XDG_CONFIG_HOME/haven/token-secret} or {@code ~/.config/haven/token-secret}
 * @param guestResumeSeconds how long a guest's {@code resume} makes it the same guest again, counted
 *                           from its first {@code hello}; 0 gives guests no resume; null for
 *                           {@link #DEFAULT_GUEST_RESUME_SECONDS}
 */
public record AuthSettings(boolean allowGuests, String tokenSecret, String secretFile, Integer guestResumeSeconds) {
    /** Twelve hours: an evening's session and a reload or two, not a standing account. */
    public static final int DEFAULT_GUEST_RESUME_SECONDS = 12 * 3600;
    public static final int MAX_GUEST_RESUME_SECONDS = 7 * 24 * 3600;

    public AuthSettings {
        check(tokenSecret == null || !tokenSecret.isBlank(), "auth.tokenSecret must not be blank");
        check(secretFile == null || !secretFile.isBlank(), "auth.secretFile must not be blank");
        guestResumeSeconds = guestResumeSeconds == null ? DEFAULT_GUEST_RESUME_SECONDS : guestResumeSeconds;
        check(guestResumeSeconds >= 0 && guestResumeSeconds <= MAX_GUEST_RESUME_SECONDS,
                "auth.guestResumeSeconds must be between 0 (no resume) and " + MAX_GUEST_RESUME_SECONDS + " (7 days)");
    }

    public AuthSettings(boolean allowGuests, String tokenSecret, String secretFile) {
        this(allowGuests, tokenSecret, secretFile, null);
    }

    public AuthSettings withTokenSecret(String secret) {
        return new AuthSettings(allowGuests, secret, secretFile, guestResumeSeconds);
    }

    public AuthSettings withGuestResumeSeconds(int seconds) {
        return new AuthSettings(allowGuests, tokenSecret, secretFile, seconds);
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "AuthSettings[allowGuests=" + allowGuests + ", tokenSecret=" + (tokenSecret == null ? "none" : "***")
                + ", secretFile=" + secretFile + ", guestResumeSeconds=" + guestResumeSeconds + "]";
    }
}
