package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Escalation paging: an alert escalated to the supervisors is also posted to these webhooks, so
 * that an operator's pager, chat or on-call tool reaches a person when nobody is connected. The
 * body names no person and holds no text: alert id, room id, kind, tier, age, escalation step
 * and a link to acknowledge it.
 *
 * @param webhooks    the URLs to post to ({@code http} or {@code https}); none by default
 * @param secret      the HMAC-SHA256 key that signs each body ({@code X-Haven-Signature}); at
 *                    least 32 bytes, required with webhooks; prefer env {@code HAVEN_PAGING_SECRET}
 * @param maxAttempts attempts per webhook and alert before the page is given up as a dead
 *                    letter (a log line); 1-20
 * @param publicUrl   the address members and staff open Haven at, for the acknowledge link
 *                    (e.g. {@code https://chat.example.org}); null for the listening address
 */
public record PagingSettings(List<String> webhooks, String secret, Integer maxAttempts, String publicUrl) {
    public static final int MIN_SECRET_BYTES = 32;

    public PagingSettings {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        for (String url : webhooks) {
            check(isHttpUrl(url), "paging.webhooks: '" + url + "' must be an http:// or https:// URL");
        }
        check(secret == null || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES,
                "paging.secret must be at least " + MIN_SECRET_BYTES + " bytes");
        check(webhooks.isEmpty() || secret != null,
                "paging.webhooks needs paging.secret (or HAVEN_PAGING_SECRET) to sign what it sends");
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        check(maxAttempts >= 1 && maxAttempts <= 20, "paging.maxAttempts must be between 1 and 20");
        check(publicUrl == null || isHttpUrl(publicUrl), "paging.publicUrl must be an http:// or https:// URL");
        publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }

    public static PagingSettings defaults() {
        return new PagingSettings(List.of(), null, 6, null);
    }

    public PagingSettings withSecret(String newSecret) {
        return new PagingSettings(webhooks, newSecret, maxAttempts, publicUrl);
    }

    private static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "PagingSettings[webhooks=" + webhooks.size() + ", secret=" + (secret == null ? "none" : "***")
                + ", maxAttempts=" + maxAttempts + ", publicUrl=" + publicUrl + "]";
    }
}
