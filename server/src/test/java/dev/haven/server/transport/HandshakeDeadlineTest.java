package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.testing.WsWire;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The idle-handshake and header timeout: {@code server.handshakeTimeoutSeconds}, 10 s in tests. */
class HandshakeDeadlineTest {
    private static final long TIMEOUT_MILLIS = 10_000;

    @Test
    void connection_idleWithoutAnyRequest_isClosedAtTheTimeout() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            advance(pipeline, TIMEOUT_MILLIS - 1);
            assertThat(pipeline.ch.isOpen()).isTrue();

            advance(pipeline, 1);
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @Test
    void connection_dribblingHeaders_isClosedAtTheTimeoutFromConnecting() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            String request = WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13");
            // One byte every 100 ms: each byte is activity, but the request never completes in time.
            for (int i = 0; i < 100 && pipeline.ch.isOpen(); i++) {
                pipeline.send(request.substring(i, i + 1));
                advance(pipeline, 100);
            }

            assertThat(pipeline.ch.isOpen()).isFalse();
            assertThat(pipeline.readHttp()).isEmpty();
        }
    }

    @Test
    void connection_upgradedInTime_staysOpenPastTheTimeout() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            advance(pipeline, TIMEOUT_MILLIS - 1000);
            assertThat(pipeline.upgrade()).startsWith("HTTP/1.1 101");

            advance(pipeline, 3 * TIMEOUT_MILLIS);

            assertThat(pipeline.ch.isOpen()).isTrue();
            assertThat(pipeline.ch.pipeline().get(HavenChannelInitializer.HANDSHAKE_DEADLINE)).isNull();
        }
    }

    @Test
    void connection_keepAliveHealthChecks_eachRequestRestartsTheTime() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            for (int i = 0; i < 3; i++) {
                advance(pipeline, TIMEOUT_MILLIS - 1000);
                pipeline.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                assertThat(pipeline.readHttp()).startsWith("HTTP/1.1 200");
            }
            assertThat(pipeline.ch.isOpen()).isTrue();

            advance(pipeline, TIMEOUT_MILLIS);

            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    private static void advance(PipelineHarness pipeline, long millis) {
        pipeline.ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        pipeline.ch.runScheduledPendingTasks();
    }
}
