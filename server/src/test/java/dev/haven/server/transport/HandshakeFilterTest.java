package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.HavenConfig;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the pipeline answers to requests for {@code /ws} before any upgrade: the method,
 * version, query, Origin and connection-limit checks of {@link HandshakeFilter}.
 */
class HandshakeFilterTest {
    @Test
    void upgrade_version13WithoutOrigin_isAccepted() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            assertThat(pipeline.upgrade()).startsWith("HTTP/1.1 101");
            assertThat(pipeline.ch.pipeline().get(HavenChannelInitializer.HANDSHAKE_FILTER))
                    .as("the filter leaves after the upgrade").isNull();
        }
    }

    @Test
    void upgrade_accepted_leavesNoHttpHandlerInThePipeline() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            assertThat(pipeline.upgrade()).startsWith("HTTP/1.1 101");
            assertThat(pipeline.ch.pipeline().names()).doesNotContain(HavenChannelInitializer.HTTP_CODEC,
                    HavenChannelInitializer.HTTP_AGGREGATOR, HavenChannelInitializer.HANDSHAKE_DEADLINE,
                    HavenChannelInitializer.STATIC_FILES, HavenChannelInitializer.HTTP_ENDPOINTS);
            assertThat(pipeline.ch.pipeline().names()).contains(HavenChannelInitializer.HEARTBEAT,
                    HavenChannelInitializer.WEBSOCKET, HavenChannelInitializer.WEBSOCKET_AGGREGATOR,
                    HavenChannelInitializer.CLOSE_HANDSHAKE, HavenChannelInitializer.CONNECTION);
        }
    }

    @Test
    void upgrade_withoutVersion_isRefusedWith426AndTheVersionItNeeds() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            // The obsolete Hixie-76 draft sends no Sec-WebSocket-Version, and 8 bytes of key after the head.
            pipeline.send("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\nSec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\n\r\n"
                    + "^n:ds[4U");

            String response = pipeline.readHttp();

            assertThat(response).startsWith("HTTP/1.1 426").containsIgnoringCase("sec-websocket-version: 13");
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"7", "8", "12", "14", "13, 8", ""})
    void upgrade_otherVersion_isRefusedWith426(String version) {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.send(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: " + version));

            assertThat(pipeline.readHttp()).startsWith("HTTP/1.1 426")
                    .containsIgnoringCase("sec-websocket-version: 13");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "HEAD"})
    void request_nonGetToWs_isRefusedWith405(String method) {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.send(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13", "Content-Length: 0")
                    .replaceFirst("GET", method));

            String response = pipeline.readHttp();

            assertThat(response).startsWith("HTTP/1.1 405").containsIgnoringCase("allow: GET");
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @Test
    void upgrade_tokenInTheQuery_isRefusedWith400AndNotEchoed() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.send(WsWire.upgradeRequest("/ws?token=CANARY-eyJ0eXAi", "Sec-WebSocket-Version: 13"));

            String response = pipeline.readHttp();

            assertThat(response).startsWith("HTTP/1.1 400").contains("hello").doesNotContain("CANARY");
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://localhost:3000", "https://localhost", "http://127.0.0.1:8080",
            "https://127.0.0.1:443", "http://[::1]:5173", "HTTP://LOCALHOST:3000"})
    void upgrade_loopbackOrigin_isAccepted(String origin) {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            assertThat(pipeline.upgrade("Origin: " + origin)).startsWith("HTTP/1.1 101");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://evil.example", "http://localhost.evil.example", "http://127.0.0.2:8080",
            "null", "file://", "http://localhost:3000/path", "javascript:alert(1)", "CANARY-not-an-origin"})
    void upgrade_otherOrigin_isRefusedWith403BeforeTheUpgrade(String origin) {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            String response = pipeline.upgrade("Origin: " + origin);

            assertThat(response).startsWith("HTTP/1.1 403").doesNotContain(origin);
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @Test
    void upgrade_oneOfTwoOriginsNotAllowed_isRefusedWith403() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            assertThat(pipeline.upgrade("Origin: http://localhost:3000", "Origin: https://evil.example"))
                    .startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void upgrade_configuredOrigin_isTheOnlyOneAccepted() {
        HavenConfig config = TestServer.config(10);
        config = config.withServer(config.server().withAllowedOrigins(List.of("https://chat.example.org")));
        try (PipelineHarness allowed = new PipelineHarness(config, new ConnectionLimiter(10, 10));
             PipelineHarness loopback = new PipelineHarness(config, new ConnectionLimiter(10, 10));
             PipelineHarness none = new PipelineHarness(config, new ConnectionLimiter(10, 10))) {
            assertThat(allowed.upgrade("Origin: https://chat.example.org")).startsWith("HTTP/1.1 101");
            assertThat(loopback.upgrade("Origin: http://localhost:3000")).startsWith("HTTP/1.1 403");
            assertThat(none.upgrade()).as("no Origin: not a browser page").startsWith("HTTP/1.1 101");
        }
    }

    @Test
    void upgrade_pastTheConnectionLimit_isRefusedWith503UntilOneCloses() {
        ConnectionLimiter limiter = new ConnectionLimiter(2, 100);
        try (PipelineHarness first = new PipelineHarness(TestServer.config(10), limiter);
             PipelineHarness second = new PipelineHarness(TestServer.config(10), limiter);
             PipelineHarness third = new PipelineHarness(TestServer.config(10), limiter)) {
            assertThat(first.upgrade()).startsWith("HTTP/1.1 101");
            assertThat(second.upgrade()).startsWith("HTTP/1.1 101");

            assertThat(third.upgrade()).startsWith("HTTP/1.1 503");
            assertThat(third.ch.isOpen()).isFalse();

            first.ch.close();
            try (PipelineHarness fourth = new PipelineHarness(TestServer.config(10), limiter)) {
                assertThat(fourth.upgrade()).startsWith("HTTP/1.1 101");
                assertThat(limiter.open()).isEqualTo(2);
            }
        }
    }

    @Test
    void connection_plainHttpCountsAgainstTheLimitFromTheMomentItIsAccepted() {
        ConnectionLimiter limiter = new ConnectionLimiter(2, 100);
        try (PipelineHarness idle = new PipelineHarness(TestServer.config(10), limiter);
             PipelineHarness health = new PipelineHarness(TestServer.config(10), limiter);
             PipelineHarness third = new PipelineHarness(TestServer.config(10), limiter)) {
            health.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(health.readHttp()).startsWith("HTTP/1.1 200");
            assertThat(limiter.open()).as("an idle connection and a keep-alive health check").isEqualTo(2);

            third.send("GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(third.readHttp()).startsWith("HTTP/1.1 503");
            assertThat(third.ch.isOpen()).isFalse();
            assertThat(idle.ch.isOpen()).isTrue();
        }
    }

    @Test
    void healthz_pastTheConnectionLimit_isAnsweredOnceThenTheConnectionCloses() {
        ConnectionLimiter limiter = new ConnectionLimiter(1, 100);
        try (PipelineHarness first = new PipelineHarness(TestServer.config(10), limiter);
             PipelineHarness monitor = new PipelineHarness(TestServer.config(10), limiter)) {
            monitor.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            String response = monitor.readHttp();
            assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
            assertThat(monitor.ch.isOpen()).isFalse();
            assertThat(first.ch.isOpen()).isTrue();
        }
    }

    @Test
    void upgrade_overHttp10_isRefusedWith400() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.send(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13").replace("HTTP/1.1", "HTTP/1.0"));

            assertThat(pipeline.readHttp()).startsWith("HTTP/1.1 400").contains("needs HTTP/1.1");
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @Test
    void request_otherPaths_passToTheHttpEndpoints() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(pipeline.readHttp()).startsWith("HTTP/1.1 200");

            pipeline.send("GET /ws/other HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(pipeline.readHttp()).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void pipeline_afterUpgrade_hasNoLoggingHandler() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.upgrade();

            assertThat(pipeline.ch.pipeline().toMap().values())
                    .noneMatch(handler -> handler instanceof io.netty.handler.logging.LoggingHandler);
            assertThat(pipeline.ch.pipeline().names()).contains(HavenChannelInitializer.CLOSE_HANDSHAKE,
                    HavenChannelInitializer.WEBSOCKET, HavenChannelInitializer.CONNECTION);
        }
    }

    @Test
    void request_tooLongOrGarbled_isRefusedWithItsStatus() {
        try (PipelineHarness line = new PipelineHarness();
             PipelineHarness headers = new PipelineHarness();
             PipelineHarness garbled = new PipelineHarness()) {
            line.send("GET /ws?" + "a".repeat(5000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            headers.send("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "a".repeat(9000) + "\r\n\r\n");
            garbled.send("GET /ws HTTP/1.1\r\nContent-Length: many\r\n\r\n");

            assertThat(line.readHttp()).startsWith("HTTP/1.1 414");
            assertThat(headers.readHttp()).startsWith("HTTP/1.1 431");
            assertThat(garbled.readHttp()).startsWith("HTTP/1.1 400");
            assertThat(garbled.ch.isOpen()).isFalse();
        }
    }
}
