package dev.haven.server.testing;

import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.Role;
import dev.haven.server.auth.TokenService;
import dev.haven.server.config.AuthSettings;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.HistorySettings;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.config.ModerationSettings;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.config.ServerSettings;
import dev.haven.server.transport.HavenServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A real Haven server on an ephemeral loopback port, with rooms made for tests. */
public final class TestServer implements AutoCloseable {
    public static final String SECRET = "test-secret-test-secret-test-secret-0123456789";
    /** A room without guidelines and with room to spare. */
    public static final String LOUNGE = "lounge";
    /** A room whose guidelines must be accepted. */
    public static final String CIRCLE = "circle";
    /** A room for two. */
    public static final String SMALL = "small";

    private final HavenServer server;
    private final TokenService tokens;
    private final ManualTimers timers;

    /** @param timers where the rooms' timers wait, or null for the event loops' own schedulers */
    private TestServer(HavenConfig config, Clock clock, ManualTimers timers) {
        this(config, clock, timers, HavenServer.Options.inMemory());
    }

    private TestServer(HavenConfig config, Clock clock, ManualTimers timers, HavenServer.Options options) {
        this.tokens = new TokenService(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        this.timers = timers;
        this.server = HavenServer.start(config, tokens, clock, timers, options);
    }

    /** A server on a manual clock that starts at {@code start}, keeping its rooms as {@code options} say. */
    public static TestServer startWithManualTime(HavenConfig config, Instant start, HavenServer.Options options) {
        ManualTimers timers = new ManualTimers(new ManualClock(start));
        return new TestServer(config, timers.clock(), timers, options);
    }

    /** A server on the real clock, keeping its rooms as {@code options} say (a state directory's catalog). */
    public static TestServer start(HavenConfig config, HavenServer.Options options) {
        return new TestServer(config, Clock.systemUTC(), null, options);
    }

    /**
     * A server whose rooms run on a manual clock: their timers (grace periods, turns, check-ins)
     * fire only when the test calls {@link #advance}.
     */
    public static TestServer startWithManualTime(HavenConfig config) {
        ManualTimers timers = new ManualTimers(new ManualClock(Instant.now()));
        return new TestServer(config, timers.clock(), timers);
    }

    /** The rooms' time (epoch ms) on a server started with manual time. */
    public long now() {
        if (timers == null) {
            throw new IllegalStateException("start the server with startWithManualTime to read its manual clock");
        }
        return timers.clock().millis();
    }

    /** Moves the rooms' clock on; returns once every timer that came due has run. */
    public void advance(Duration duration) {
        if (timers == null) {
            throw new IllegalStateException("start the server with startWithManualTime to move its time");
        }
        timers.advance(duration);
    }

    public static TestServer start() {
        return new TestServer(config(200), Clock.systemUTC(), null);
    }

    public static TestServer start(HavenConfig config) {
        return new TestServer(config, Clock.systemUTC(), null);
    }

    /** A server whose rooms read time from {@code clock} (a {@link ManualClock} moves only when told). */
    public static TestServer start(HavenConfig config, Clock clock) {
        return new TestServer(config, clock, null);
    }

    public static HavenConfig config(int historyMessages) {
        return new HavenConfig(
                new ServerSettings("127.0.0.1", 0, 30, 10, 1),
                new AuthSettings(true, SECRET, null),
                LimitSettings.defaults(),
                new HistorySettings(historyMessages, 86400),
                ModerationSettings.defaults(),
                List.of(
                        new RoomSettings(LOUNGE, "Lounge", RoomCategory.GENERAL, "Drop in", List.of("drop-in"),
                                100, null, false),
                        new RoomSettings(CIRCLE, "Anxiety Circle", RoomCategory.CONDITION, "Worry and panic",
                                List.of("anxiety"), 30, "Be kind.", false),
                        new RoomSettings(SMALL, "Pair Room", RoomCategory.DEMOGRAPHIC, "For two", List.of("pair"),
                                2, null, false)));
    }

    public int port() {
        return server.port();
    }

    public HavenServer server() {
        return server;
    }

    public String token(String sub, String name, Role role) {
        return tokens.sign(sub, name, role, null, Duration.ofHours(1));
    }

    /** A token whose role holds only in the rooms listed. */
    public String token(String sub, String name, Role role, List<String> rooms) {
        return tokens.sign(sub, name, role, rooms, Duration.ofHours(1));
    }

    /** A token that expires after {@code ttl} (to the second: a JWT's {@code exp} has no fraction). */
    public String token(String sub, String name, Role role, Duration ttl) {
        return tokens.sign(sub, name, role, null, ttl);
    }

    @Override
    public void close() {
        server.stop();
    }
}
