package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.TlsSettings;
import dev.haven.server.testing.SelfSignedCertificate;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss://} from a PEM certificate and key in the configuration; TLS 1.2 and 1.3 only. */
class TlsTest {
    @TempDir
    static Path dir;

    private static SelfSignedCertificate certificate;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        HavenConfig config = TestServer.config(20);
        config = config.withServer(config.server().withTls(new TlsSettings(certificate.certificateFile().toString(),
                certificate.privateKeyFile().toString())));
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void wss_membersChatOverTls() throws Exception {
        SSLContext trusting = certificate.trustingContext();
        try (TestClient sam = TestClient.connectTls(server.port(), trusting);
             TestClient alex = TestClient.connectTls(server.port(), trusting)) {
            assertThat(sam.request("{\"type\":\"hello\",\"name\":\"Sam\"}").path("type").asText()).isEqualTo("ok");
            assertThat(alex.request("{\"type\":\"hello\",\"name\":\"Alex\"}").path("type").asText()).isEqualTo("ok");
            sam.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            alex.request("{\"type\":\"join\",\"room\":\"lounge\"}");

            assertThat(sam.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"over tls\"}").path("type").asText())
                    .isEqualTo("ok");

            JsonNode message = alex.await(f -> "message".equals(f.path("type").asText()));
            assertThat(message.path("text").asText()).isEqualTo("over tls");
        }
    }

    @Test
    void wss_clientThatDoesNotTrustTheCertificate_cannotConnect() {
        boolean failed = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() { })
                .handle((socket, failure) -> failure != null)
                .orTimeout(TestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();

        assertThat(failed).isTrue();
    }

    @Test
    void plainWs_onTheTlsPort_isNotUpgraded() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(12);

            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotStartWith("HTTP/1.1 101");
        }
    }

    @Test
    void tls_version12And13_areNegotiated() throws Exception {
        assertThat(negotiate("TLSv1.2")).isEqualTo("TLSv1.2");
        assertThat(negotiate("TLSv1.3")).isEqualTo("TLSv1.3");
    }

    @Test
    void start_withUnreadableCertificate_failsNamingTheSetting() throws IOException {
        Path missing = dir.resolve("missing.pem");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");
        HavenConfig config = TestServer.config(20);

        assertThatThrownBy(() -> TestServer.start(config.withServer(config.server().withTls(
                new TlsSettings(missing.toString(), certificate.privateKeyFile().toString())))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.tls.certificateFile");
        assertThatThrownBy(() -> TestServer.start(config.withServer(config.server().withTls(
                new TlsSettings(certificate.certificateFile().toString(), notPem.toString())))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.tls");
    }

    /** Completes a TLS handshake offering only {@code protocol}; returns what was negotiated. */
    private static String negotiate(String protocol) throws Exception {
        SSLContext context = certificate.trustingContext();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
