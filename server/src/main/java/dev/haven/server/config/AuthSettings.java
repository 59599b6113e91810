package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Who may connect.
 *
 * @param allowGuests whether a {@code hello} with a pseudonym and no token is accepted
 * @param tokenSecret the HS256 secret for tokens; prefer the environment variable
 *                    {@code HAVEN_TOKEN_SECRET}; null to use {@code secretFile}
 * @param secretFile  where the generated secret is kept when no secret is given; null for
 *                    {@code $XDG_CONFIG_HOME/haven/token-secret} or {@code ~/.config/haven/token-secret}
 */
public record AuthSettings(boolean allowGuests, String tokenSecret, String secretFile) {
    public AuthSettings {
        check(tokenSecret == null || !tokenSecret.isBlank(), "auth.tokenSecret must not be blank");
        check(secretFile == null || !secretFile.isBlank(), "auth.secretFile must not be blank");
    }

    public AuthSettings withTokenSecret(String secret) {
        return new AuthSettings(allowGuests, secret, secretFile);
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "AuthSettings[allowGuests=" + allowGuests + ", tokenSecret=" + (tokenSecret == null ? "none" : "***")
                + ", secretFile=" + secretFile + "]";
    }
}
