package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Clustering: several Haven processes sharing one Redis serve the same rooms
 * ({@code docs/architecture.md}). Without a Redis URI the server runs alone, as before.
 *
 * @param redis where the shared Redis is; null runs alone
 */
public record ClusterSettings(Redis redis) {
    public static ClusterSettings alone() {
        return new ClusterSettings(null);
    }

    /** Whether this server shares its rooms with other processes through Redis. */
    public boolean enabled() {
        return redis != null && redis.uri() != null;
    }

    /**
     * The Redis server: {@code redis://[[user]:password@]host[:port][/database]} or the same with
     * {@code rediss://} for TLS. The URI holds a password, so it never appears in an error message
     * or in {@link #toString()}.
     */
    public record Redis(String uri) {
        public Redis {
            if (uri != null && uri.isBlank()) {
                uri = null;
            }
            if (uri != null) {
                validate(uri.strip());
                uri = uri.strip();
            }
        }

        /** Whether the connection to Redis is encrypted ({@code rediss://}). */
        public boolean tls() {
            return uri != null && uri.regionMatches(true, 0, "rediss:", 0, 7);
        }

        @Override
        public String toString() {
            return "Redis[uri=" + redacted(uri) + "]";
        }

        private static void validate(String value) {
            URI parsed;
            try {
                parsed = new URI(value);
            } catch (URISyntaxException e) {
                throw new ConfigException("cluster.redis.uri is not a valid URI (expected redis://host:port or "
                        + "rediss://host:port, with :password@ before the host if Redis needs one)");
            }
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            check(scheme.equals("redis") || scheme.equals("rediss"),
                    "cluster.redis.uri must start with redis:// or rediss:// (TLS)");
            check(parsed.getHost() != null && !parsed.getHost().isEmpty(),
                    "cluster.redis.uri must name a host, as in redis://127.0.0.1:6379");
            check(parsed.getPort() == -1 || (parsed.getPort() >= 1 && parsed.getPort() <= 65535),
                    "cluster.redis.uri has a port outside 1-65535");
            String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
            check(path.isEmpty() || path.equals("/") || path.matches("/\\d{1,2}"),
                    "cluster.redis.uri may end with a database number (/0 to /15) and nothing else");
            check(parsed.getRawQuery() == null && parsed.getRawFragment() == null,
                    "cluster.redis.uri takes no ?parameters or #fragment");
        }

        /** The URI with any password replaced by {@code ***}, for logs and messages. */
        public static String redacted(String uri) {
            if (uri == null) {
                return "null";
            }
            int at = uri.lastIndexOf('@');
            int schemeEnd = uri.indexOf("://");
            if (at < 0 || schemeEnd < 0 || at < schemeEnd) {
                return uri;
            }
            String userInfo = uri.substring(schemeEnd + 3, at);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? "" : userInfo.substring(0, colon);
            return uri.substring(0, schemeEnd + 3) + user + ":***" + uri.substring(at);
        }
    }
}
