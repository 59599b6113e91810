package dev.haven.client.bench;

import dev.haven.server.auth.TokenService;
import dev.haven.server.config.AuthSettings;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.transport.HavenServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real Haven server in this process, on an ephemeral loopback port, configured the way the
 * load runs configure it: the YAML that {@code haven-bench.jar config} prints, read by Haven's
 * own loader (as {@code HavenTestServer} raises its limits through the configuration keys).
 */
final class InProcessHaven implements AutoCloseable {
    private static final String SECRET = "bench-smoke-test-secret-0123456789abcdef";

    private final HavenServer server;

    private InProcessHaven(int rooms, int capacity) {
        HavenConfig config = load(BenchConfig.yaml(rooms, capacity, "room-"));
        config = config.withServer(config.server().withAddress("127.0.0.1", 0))
                .withAuth(new AuthSettings(true, SECRET, null));
        server = HavenServer.start(config,
                new TokenService(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()), Clock.systemUTC());
    }

    static InProcessHaven start(int rooms, int capacity) {
        return new InProcessHaven(rooms, capacity);
    }

    private static HavenConfig load(String yaml) {
        try {
            Path file = Files.createTempFile("haven-bench", ".yaml");
            try {
                Files.writeString(file, yaml);
                return new ConfigLoader().load(file, Map.of());
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    @Override
    public void close() {
        server.stop();
    }
}
