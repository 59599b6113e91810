package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.testing.RawSocket;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handshake over real sockets: what is refused before the upgrade (version, method,
 * Origin, a token in the URL, the connection limits), and connections that never complete a
 * request. A member chatting throughout must not notice any of it.
 */
class HandshakeTest {
    private static TestServer server;
    private static TestClient bystander;

    @BeforeAll
    static void start() {
        HavenConfig config = TestServer.config(50);
        server = TestServer.start(config.withServer(config.server().withHandshakeTimeoutSeconds(1)));
        bystander = TestClient.guest(server.port(), "Bystander");
        assertThat(bystander.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");
    }

    @AfterAll
    static void stop() {
        if (bystander != null) {
            bystander.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void upgrade_withoutVersion_isRefusedWith426() throws IOException {
        try (RawSocket raw = RawSocket.open(server.port())) {
            raw.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\nSec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\n\r\n"
                    + "^n:ds[4U");

            String head = raw.readHttpHead();

            assertThat(head).startsWith("HTTP/1.1 426").containsIgnoringCase("sec-websocket-version: 13");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertBystanderStillChats();
    }

    @Test
    void upgrade_version8_isRefusedWith426() throws IOException {
        try (RawSocket raw = RawSocket.open(server.port())) {
            raw.write(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 8"));

            assertThat(raw.readHttpHead()).startsWith("HTTP/1.1 426");
        }
    }

    @Test
    void post_toWs_isRefusedWith405() throws IOException {
        try (RawSocket raw = RawSocket.open(server.port())) {
            raw.write("POST /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}");

            assertThat(raw.readHttpHead()).startsWith("HTTP/1.1 405").containsIgnoringCase("allow: GET");
        }
        assertBystanderStillChats();
    }

    @Test
    void upgrade_fromAForeignOrigin_isRefusedWith403() throws IOException {
        try (RawSocket raw = RawSocket.open(server.port())) {
            raw.write(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13", "Origin: https://evil.example"));

            assertThat(raw.readHttpHead()).startsWith("HTTP/1.1 403");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertBystanderStillChats();
    }

    @Test
    void upgrade_fromALoopbackPage_isAccepted() {
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "http://localhost:5173")
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() { })
                .orTimeout(TestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        socket.abort();
    }

    /** A token in the URL gives nothing: the upgrade is refused, and only {@code hello} signs in. */
    @Test
    void upgrade_withTokenInTheUrl_isRefusedWith400() throws IOException {
        String token = server.token("fac-1", "Fran", Role.FACILITATOR);
        try (RawSocket raw = RawSocket.open(server.port())) {
            raw.write(WsWire.upgradeRequest("/ws?token=" + token, "Sec-WebSocket-Version: 13"));

            String head = raw.readHttpHead();

            assertThat(head).startsWith("HTTP/1.1 400").doesNotContain(token);
        }
        assertThat(HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws?token=" + token),
                        new WebSocket.Listener() { })
                .handle((socket, failure) -> failure != null)
                .orTimeout(TestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join())
                .as("a real client cannot open /ws with a token in the URL").isTrue();
    }

    @Test
    void connection_idleWithoutARequest_isClosedAfterTheHandshakeTimeout() throws IOException {
        try (RawSocket raw = RawSocket.open(server.port())) {
            long started = System.nanoTime();

            assertThat(raw.closedByServer()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(500L, 5_000L);
        }
        assertBystanderStillChats();
    }

    @Test
    void connection_dribblingItsHeaders_isClosedAfterTheHandshakeTimeout() throws IOException {
        try (RawSocket raw = RawSocket.open(server.port())) {
            String request = WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean closed = false;
            // A byte every 100 ms keeps the connection busy but never completes the request.
            for (int i = 0; i < request.length() - 1 && System.nanoTime() < deadline && !closed; i++) {
                raw.write(request.substring(i, i + 1));
                closed = waitForClose(raw, 100);
            }

            assertThat(closed || raw.closedByServer()).isTrue();
        }
        assertBystanderStillChats();
    }

    @Test
    void connections_pastThePerAddressLimit_areRefusedWith503AndOthersCarryOn() {
        HavenConfig config = TestServer.config(50);
        config = config.withLimits(LimitSettings.defaults().withConnections(3, 100));
        List<TestClient> clients = new ArrayList<>();
        try (TestServer limited = TestServer.start(config)) {
            for (int i = 0; i < 3; i++) {
                clients.add(TestClient.guest(limited.port(), "Member" + i));
            }

            assertThat(openStatus(limited.port())).isEqualTo("HTTP/1.1 503");

            assertThat(clients.get(0).request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
            clients.remove(0).close();
            await503Gone(limited.port());
        } finally {
            clients.forEach(TestClient::close);
        }
        assertBystanderStillChats();
    }

    @Test
    void connections_pastTheTotalLimit_areRefusedWith503() {
        HavenConfig config = TestServer.config(50);
        config = config.withLimits(LimitSettings.defaults().withConnections(100, 2));
        try (TestServer limited = TestServer.start(config);
             TestClient first = TestClient.guest(limited.port(), "First");
             TestClient second = TestClient.guest(limited.port(), "Second")) {
            assertThat(openStatus(limited.port())).isEqualTo("HTTP/1.1 503");
            assertThat(first.request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
            assertThat(second.request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
        }
    }

    @Test
    void healthz_stillAnswersWhenTheServerIsFull() throws IOException {
        HavenConfig config = TestServer.config(50);
        config = config.withLimits(LimitSettings.defaults().withConnections(1, 1));
        try (TestServer limited = TestServer.start(config);
             TestClient only = TestClient.guest(limited.port(), "Only");
             RawSocket raw = RawSocket.open(limited.port())) {
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(raw.readHttpHead()).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
            assertThat(raw.closedByServer()).as("a connection past the limit is answered once").isTrue();
            assertThat(only.request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
        }
    }

    @Test
    void keepAliveHttpConnections_countTowardThePerAddressLimit_andCloseWhenIdle() throws IOException {
        HavenConfig config = TestServer.config(50);
        config = config.withLimits(LimitSettings.defaults().withConnections(3, 100))
                .withServer(config.server().withHandshakeTimeoutSeconds(1));
        try (TestServer limited = TestServer.start(config)) {
            List<RawSocket> healthChecks = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawSocket raw = RawSocket.open(limited.port());
                    healthChecks.add(raw);
                    raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    assertThat(raw.readHttpHead()).startsWith("HTTP/1.1 200").containsIgnoringCase("keep-alive");
                }

                assertThat(openStatus(limited.port())).as("three keep-alive connections fill the address's place")
                        .isEqualTo("HTTP/1.1 503");

                for (RawSocket raw : healthChecks) {
                    assertThat(waitForClose(raw, 5000)).as("closed once idle for handshakeTimeoutSeconds").isTrue();
                }
                await503Gone(limited.port());
            } finally {
                for (RawSocket raw : healthChecks) {
                    raw.close();
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The status line the server answers a version-13 upgrade with. */
    private static String openStatus(int port) {
        try (RawSocket raw = RawSocket.open(port)) {
            raw.write(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13"));
            String head = raw.readHttpHead();
            return head.substring(0, head.indexOf("\r\n")).replaceAll(" [A-Za-z ]+$", "");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Once a connection closed, its place is given back: a new one is accepted (within the timeout). */
    private static void await503Gone(int port) {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        String status = openStatus(port);
        for (int i = 0; i < 100 && !status.equals("HTTP/1.1 101") && System.nanoTime() < deadline; i++) {
            status = openStatus(port);
        }
        assertThat(status).isEqualTo("HTTP/1.1 101");
    }

    /** Whether the server closes the connection within {@code millis}. */
    private static boolean waitForClose(RawSocket raw, long millis) throws IOException {
        raw.soTimeout((int) millis);
        try {
            return raw.closedByServer();
        } finally {
            raw.soTimeout((int) TestClient.TIMEOUT.toMillis());
        }
    }

    private static void assertBystanderStillChats() {
        String text = "still chatting " + UUID.randomUUID();
        assertThat(bystander.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}")
                .path("type").asText()).isEqualTo("ok");
        JsonNode message = bystander.await(f -> "message".equals(f.path("type").asText())
                && text.equals(f.path("text").asText()));
        assertThat(message.path("from").path("name").asText()).isEqualTo("Bystander");
        try {
            bystander.sendRaw("{\"type\":\"ping\",\"id\":\"still\"}");
        } catch (CompletionException e) {
            throw new AssertionError("the bystander was disconnected", e);
        }
        assertThat(bystander.awaitReply("still").path("type").asText()).isEqualTo("ok");
    }
}
