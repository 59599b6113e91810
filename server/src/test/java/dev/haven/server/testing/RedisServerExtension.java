package dev.haven.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, with persistence
 * off ({@code --save "" --appendonly no}), for the tests of a class:
 * {@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}.
 * It starts before the class's first test and is stopped after its last. A test may
 * {@link #stop()} it (or {@link #kill()} it) and {@link #start()} it again on the same port:
 * it comes back empty, as a Redis without persistence does.
 *
 * <p>Never skipped: without {@code redis-server} the tests fail and say how to install it
 * ({@code .ci/run} does). {@code HAVEN_REDIS_SERVER} may name another binary.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final String password;
    private int port;
    private Path dir;
    private Process process;

    public RedisServerExtension() {
        this(null);
    }

    /** @param password what {@code requirepass} asks of clients, or null for none */
    public RedisServerExtension(String password) {
        this.password = password;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        port = freePort();
        dir = Files.createTempDirectory("haven-redis-");
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** {@code redis://[:password@]127.0.0.1:port}. */
    public String uri() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, empty) on the same port and waits until it answers. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--daemonize", "no", "--loglevel", "warning"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        Process started = process;
        await("redis-server on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("redis-server exited with " + started.exitValue() + ": "
                                + Files.readString(dir.resolve("redis.log")));
                    }
                    return answers();
                });
    }

    /** Stops the server as an operator would (SIGTERM) and waits for it to exit. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the server (SIGKILL), as a crash would. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Whether the server answers a PING (with PONG, or asking for the password). */
    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int read = in.read(reply);
            String said = read <= 0 ? "" : new String(reply, 0, read, StandardCharsets.US_ASCII);
            return said.startsWith("+PONG") || said.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary() {
        String configured = System.getenv("HAVEN_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/local/bin").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        for (String fixed : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (new File(fixed).canExecute()) {
                return fixed;
            }
        }
        throw new IllegalStateException("redis-server is not installed: the cluster tests need a real one. "
                + "Install Debian's package (apt-get install -y redis-server), as .ci/run does, "
                + "or set HAVEN_REDIS_SERVER to its path.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
