package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Network settings.
 *
 * @param heartbeatSeconds     how often the server pings an idle connection; one silent for
 *                             twice this long is closed
 * @param helloTimeoutSeconds  how long a new connection has to send a valid {@code hello}
 * @param shutdownGraceSeconds how long a stopping server waits for clients to take their 1001 close
 */
public record ServerSettings(String host, int port, int heartbeatSeconds, int helloTimeoutSeconds,
                             int shutdownGraceSeconds) {
    public ServerSettings {
        check(host != null && !host.isBlank(), "server.host must be set");
        check(port >= 0 && port <= 65535, "server.port must be between 0 and 65535 (0 picks a free port)");
        check(heartbeatSeconds >= 1 && heartbeatSeconds <= 3600, "server.heartbeatSeconds must be between 1 and 3600");
        check(helloTimeoutSeconds >= 1 && helloTimeoutSeconds <= 600,
                "server.helloTimeoutSeconds must be between 1 and 600");
        check(shutdownGraceSeconds >= 0 && shutdownGraceSeconds <= 8,
                "server.shutdownGraceSeconds must be between 0 and 8 (the server exits within 10 s)");
    }

    public ServerSettings withAddress(String newHost, int newPort) {
        return new ServerSettings(newHost, newPort, heartbeatSeconds, helloTimeoutSeconds, shutdownGraceSeconds);
    }
}
