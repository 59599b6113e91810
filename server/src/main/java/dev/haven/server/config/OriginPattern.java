package dev.haven.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code server.allowedOrigins}: {@code scheme://host[:port]} with {@code :*} for
 * any port, {@code self} for the server's own origin (its listening host, or the address the
 * connection came in on, with the port it came in on), or {@code *} for any origin. Origins
 * compare by scheme, host and port, without regard to case; a missing port is the scheme's
 * default (80 for http, 443 for https).
 *
 * @param scheme null for {@code self} and {@code *}
 * @param host   lowercase; IPv6 addresses in brackets
 * @param port   the port, or {@link #ANY_PORT}
 */
public record OriginPattern(Kind kind, String scheme, String host, int port) {
    public static final int ANY_PORT = -1;
    private static final Pattern ORIGIN = Pattern.compile(
            "(https?)://(\\[[0-9a-f:.]+\\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::(\\d{1,5}|\\*))?");

    /** What an entry matches. */
    public enum Kind { ORIGIN, SELF, ANY }

    /** Parses an entry; throws {@link IllegalArgumentException} for anything else. */
    public static OriginPattern parse(String entry) {
        String text = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
        if (text.equals("self")) {
            return new OriginPattern(Kind.SELF, null, null, ANY_PORT);
        }
        if (text.equals("*")) {
            return new OriginPattern(Kind.ANY, null, null, ANY_PORT);
        }
        Origin origin = parseOrigin(text, true);
        if (origin == null) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port], 'self' or '*')");
        }
        return new OriginPattern(Kind.ORIGIN, origin.scheme(), origin.host(), origin.port());
    }

    /**
     * Parses an {@code Origin} header: a serialized origin, {@code scheme://host[:port]}.
     * Returns null for anything else, {@code null} (the opaque origin) included.
     */
    public static Origin parseOrigin(String header) {
        return header == null ? null : parseOrigin(header.strip().toLowerCase(Locale.ROOT), false);
    }

    private static Origin parseOrigin(String text, boolean wildcardPort) {
        Matcher m = ORIGIN.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        String portText = m.group(3);
        int port;
        if (portText == null) {
            port = "https".equals(scheme) ? 443 : 80;
        } else if (portText.equals("*")) {
            if (!wildcardPort) {
                return null;
            }
            port = ANY_PORT;
        } else {
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                return null;
            }
        }
        return new Origin(scheme, m.group(2), port);
    }

    /** Whether a parsed origin matches this entry; {@code self} is decided by the caller. */
    public boolean matches(Origin origin) {
        return switch (kind) {
            case ANY -> true;
            case SELF -> false;
            case ORIGIN -> scheme.equals(origin.scheme()) && host.equals(origin.host())
                    && (port == ANY_PORT || port == origin.port());
        };
    }

    /** A parsed origin: lowercase scheme and host, and an explicit port. */
    public record Origin(String scheme, String host, int port) {
        @Override
        public String toString() {
            return scheme + "://" + host + ":" + port;
        }
    }
}
