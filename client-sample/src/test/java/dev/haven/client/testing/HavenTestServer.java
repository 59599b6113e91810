package dev.haven.client.testing;

import dev.haven.client.ReconnectPolicy;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.auth.TokenService;
import dev.haven.server.config.AuthSettings;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.config.ServerSettings;
import dev.haven.server.transport.HavenServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real Haven server, in this process, on an ephemeral loopback port, with rooms made for tests. */
public final class HavenTestServer implements AutoCloseable {
    public static final String SECRET = "client-sample-test-secret-0123456789abcdef";
    /** A room without guidelines, named "Lounge", in the US (for its helplines). */
    public static final String LOUNGE = "lounge";
    /** A room whose guidelines must be accepted, named "Anxiety Circle". */
    public static final String CIRCLE = "circle";
    public static final String CIRCLE_GUIDELINES = "Be kind. What is shared here stays here.";
    /** A room that waits in lobby until a facilitator opens its session, named "Evening Group". */
    public static final String GROUP = "group";

    /** Reconnecting quickly, so tests of a lost connection take a fraction of a second: 50 ms doubling to 200 ms. */
    public static final ReconnectPolicy FAST_RECONNECT = ReconnectPolicy.DEFAULT
            .withDelays(Duration.ofMillis(50), Duration.ofMillis(200));

    private final HavenServer server;
    private final TokenService tokens;

    /** @param yaml configuration merged over the built-in one, before the test's rooms and auth */
    private HavenTestServer(String yaml) {
        HavenConfig config = configured(yaml)
                .withServer(new ServerSettings("127.0.0.1", 0, 30, 10, 1))
                .withAuth(new AuthSettings(true, SECRET, null))
                .withRooms(List.of(
                        new RoomSettings(LOUNGE, "Lounge", RoomCategory.GENERAL, "Drop in", List.of("drop-in"),
                                100, null, false, "US", null, null),
                        new RoomSettings(CIRCLE, "Anxiety Circle", RoomCategory.CONDITION, "Worry and panic",
                                List.of("anxiety"), 30, CIRCLE_GUIDELINES, false),
                        new RoomSettings(GROUP, "Evening Group", RoomCategory.CONDITION, "Thursday evenings",
                                List.of("evening"), 30, null, false).withRequireFacilitator(true)));
        this.tokens = new TokenService(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        this.server = HavenServer.start(config, tokens, Clock.systemUTC());
    }

    /**
     * The built-in configuration with these settings. They go through the documented
     * configuration keys, so the other settings keep their defaults whatever they are.
     */
    private static HavenConfig configured(String yaml) {
        try {
            Path file = Files.createTempFile("haven-client-test", ".yaml");
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

    /** Default limits: 4000 characters per message, 64 KiB per frame. */
    public static HavenTestServer start() {
        return start(4000, 65536);
    }

    public static HavenTestServer start(int maxTextChars, int maxFrameBytes) {
        return new HavenTestServer("limits:\n  maxTextChars: " + maxTextChars + "\n  maxFrameBytes: " + maxFrameBytes
                + "\n");
    }

    /** Holds only the last {@code maxMessages} messages of each room, so a catch-up can find a gap. */
    public static HavenTestServer withHistoryOf(int maxMessages) {
        return new HavenTestServer("history:\n  maxMessages: " + maxMessages + "\n");
    }

    public int port() {
        return server.port();
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws");
    }

    public String token(String sub, String name, Role role) {
        return tokens.sign(sub, name, role, null, Duration.ofHours(1));
    }

    /** Closes every connection with 1001 and stops; safe to call twice. */
    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
