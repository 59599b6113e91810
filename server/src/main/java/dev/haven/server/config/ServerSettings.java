package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.util.List;

/**
 * Network settings.
 *
 * @param heartbeatSeconds        how often the server pings an idle connection; one silent for
 *                                twice this long is closed
 * @param helloTimeoutSeconds     how long a new connection has to send a valid {@code hello}
 * @param handshakeTimeoutSeconds how long a new TCP connection has to complete its request and
 *                                WebSocket handshake (TLS included); an idle connection, or one
 *                                dribbling its headers, is closed then
 * @param shutdownGraceSeconds    how long a stopping server waits for clients to take their 1001 close
 * @param allowedOrigins          the {@code Origin}s a WebSocket handshake may come from (see
 *                                {@link OriginPattern}); a handshake without {@code Origin} is
 *                                always allowed; null for {@link #DEFAULT_ALLOWED_ORIGINS}
 * @param tls                     the certificate and key for {@code wss://}; null for plain {@code ws://}
 */
public record ServerSettings(String host, int port, int heartbeatSeconds, int helloTimeoutSeconds,
                             int handshakeTimeoutSeconds, int shutdownGraceSeconds, List<String> allowedOrigins,
                             TlsSettings tls) {
    /** The server's own origin, and web pages served from this machine on any port. */
    public static final List<String> DEFAULT_ALLOWED_ORIGINS = List.of("self",
            "http://localhost:*", "https://localhost:*",
            "http://127.0.0.1:*", "https://127.0.0.1:*",
            "http://[::1]:*", "https://[::1]:*");

    public ServerSettings {
        check(host != null && !host.isBlank(), "server.host must be set");
        check(port >= 0 && port <= 65535, "server.port must be between 0 and 65535 (0 picks a free port)");
        check(heartbeatSeconds >= 1 && heartbeatSeconds <= 3600, "server.heartbeatSeconds must be between 1 and 3600");
        check(helloTimeoutSeconds >= 1 && helloTimeoutSeconds <= 600,
                "server.helloTimeoutSeconds must be between 1 and 600");
        check(handshakeTimeoutSeconds >= 1 && handshakeTimeoutSeconds <= 600,
                "server.handshakeTimeoutSeconds must be between 1 and 600");
        check(shutdownGraceSeconds >= 0 && shutdownGraceSeconds <= 8,
                "server.shutdownGraceSeconds must be between 0 and 8 (the server exits within 10 s)");
        allowedOrigins = allowedOrigins == null ? DEFAULT_ALLOWED_ORIGINS : List.copyOf(allowedOrigins);
        for (String entry : allowedOrigins) {
            try {
                OriginPattern.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("server.allowedOrigins: '" + entry + "' is " + e.getMessage());
            }
        }
    }

    /** Plain {@code ws://} with the default handshake timeout (10 s) and allowed origins. */
    public ServerSettings(String host, int port, int heartbeatSeconds, int helloTimeoutSeconds,
                          int shutdownGraceSeconds) {
        this(host, port, heartbeatSeconds, helloTimeoutSeconds, 10, shutdownGraceSeconds, null, null);
    }

    public ServerSettings withAddress(String newHost, int newPort) {
        return new ServerSettings(newHost, newPort, heartbeatSeconds, helloTimeoutSeconds, handshakeTimeoutSeconds,
                shutdownGraceSeconds, allowedOrigins, tls);
    }

    public ServerSettings withHandshakeTimeoutSeconds(int seconds) {
        return new ServerSettings(host, port, heartbeatSeconds, helloTimeoutSeconds, seconds, shutdownGraceSeconds,
                allowedOrigins, tls);
    }

    public ServerSettings withAllowedOrigins(List<String> origins) {
        return new ServerSettings(host, port, heartbeatSeconds, helloTimeoutSeconds, handshakeTimeoutSeconds,
                shutdownGraceSeconds, origins, tls);
    }

    public ServerSettings withTls(TlsSettings newTls) {
        return new ServerSettings(host, port, heartbeatSeconds, helloTimeoutSeconds, handshakeTimeoutSeconds,
                shutdownGraceSeconds, allowedOrigins, newTls);
    }
}
