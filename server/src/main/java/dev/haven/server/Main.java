package dev.haven.server;

import ch.qos.logback.classic.LoggerContext;
import dev.haven.protocol.model.Role;
import dev.haven.server.auth.TokenSecret;
import dev.haven.server.auth.TokenService;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.fatal.FatalErrors;
import dev.haven.server.state.StateDirectory;
import dev.haven.server.transport.HavenServer;
import io.netty.util.ResourceLeakDetector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar haven-server.jar [--config FILE] [--host ADDR] [--port N]} starts the server;
 * {@code java -jar haven-server.jar token --sub ID --name NAME --role member|facilitator|supervisor|admin
 * [--rooms a,b] [--ttl SECONDS] [--config FILE]} prints a signed token.
 */
public final class Main {
    static final String USAGE = """
            usage:
              java -jar haven-server.jar [--config FILE] [--host ADDR] [--port N]
                  start the server (defaults: 127.0.0.1, port 8080, the built-in configuration)
              java -jar haven-server.jar token --sub ID --name NAME --role member|facilitator|supervisor|admin \\
                  [--rooms a,b] [--ttl SECONDS] [--config FILE]
                  print a signed token for the server's secret (HAVEN_TOKEN_SECRET, the
                  configuration, or the secret file the first start created); a supervisor
                  receives escalated alerts from every room once connected; an admin token is
                  for the admin API (/api/v1) alone
            """;
    private static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";
    private static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(12);
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "serve", Set.of("--config", "--host", "--port"),
            "token", Set.of("--config", "--sub", "--name", "--role", "--rooms", "--ttl"));

    private Main() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.getenv(), System.out);
        } catch (ConfigException e) {
            System.err.println("haven: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args, Map<String, String> env, PrintStream out) {
        CommandLine line = CommandLine.parse(args, FLAGS);
        if (line.has("--help")) {
            out.print(USAGE);
            return;
        }
        HavenConfig config = new ConfigLoader().load(line.has("--config") ? Path.of(line.get("--config")) : null, env);
        if ("token".equals(line.command())) {
            out.println(token(line, config, env));
            return;
        }
        serve(withFlags(config, line), env);
    }

    private static HavenConfig withFlags(HavenConfig config, CommandLine line) {
        String host = line.has("--host") ? line.get("--host") : config.server().host();
        int port = line.has("--port") ? ConfigLoader.parsePort(line.get("--port"), "--port") : config.server().port();
        return config.withServer(config.server().withAddress(host, port));
    }

    private static String token(CommandLine line, HavenConfig config, Map<String, String> env) {
        Role role;
        try {
            role = Role.fromWire(line.require("--role"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--role must be member, facilitator, supervisor or admin");
        }
        List<String> rooms = line.has("--rooms")
                ? Arrays.stream(line.get("--rooms").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : null;
        Duration ttl = DEFAULT_TOKEN_TTL;
        if (line.has("--ttl")) {
            try {
                ttl = Duration.ofSeconds(Long.parseLong(line.get("--ttl")));
            } catch (NumberFormatException e) {
                throw new ConfigException("--ttl must be a number of seconds");
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new ConfigException("--ttl must be a positive number of seconds");
            }
        }
        TokenService tokens = new TokenService(TokenSecret.resolve(config.auth(), env), Clock.systemUTC());
        return tokens.sign(line.require("--sub"), line.require("--name"), role, rooms, ttl);
    }

    private static void serve(HavenConfig config, Map<String, String> env) {
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            // Netty samples about one buffer in 128 with a stack trace unless told otherwise: a cost
            // for every delivery, and a diagnosis for tests and for -Dio.netty.leakDetection.level.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        FatalErrors.installUncaughtHandler();
        if (config.logging().json()) {
            LogFormat.useJson();
        }
        TokenService tokens = new TokenService(TokenSecret.resolve(config.auth(), env), Clock.systemUTC());
        StateDirectory state = StateDirectory.open(StateDirectory.locate(config.state(), env));
        HavenServer server;
        try {
            server = HavenServer.start(config, tokens, Clock.systemUTC(), null,
                    new HavenServer.Options(state.roomCatalog(), null, state.roomStateStore()));
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        LoggerFactory.getLogger(Main.class).info("state directory {}", state.path());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            state.close();
            stopped.countDown();
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                logback.stop();
            }
        }, "haven-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
