package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.ServerSettings;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Through Haven's real pipeline, with a heartbeat of 2 s: a ping after one silent period, a
 * close after the second, any frame from the peer starts the watch again, and an HTTP
 * connection idle for a period is closed at once. The sweep looks every 125 ms (a sixteenth),
 * so each step below lands just after one of its looks.
 */
class HeartbeatHandlerTest {
    private static final long PERIOD_MILLIS = 2000;
    private static final long STEP_MILLIS = PERIOD_MILLIS / 16;
    private static final int OPCODE_PING = 0x9;

    @Test
    void silentAfterUpgrade_isPingedAfterOnePeriod_andStaysOpen() {
        try (PipelineHarness pipeline = harness()) {
            assertThat(pipeline.upgrade()).startsWith("HTTP/1.1 101");

            advance(pipeline, PERIOD_MILLIS - STEP_MILLIS);
            assertThat(pipeline.readFrames()).isEmpty();

            advance(pipeline, STEP_MILLIS);
            assertThat(pipeline.readFrames()).extracting(WsWire.Frame::opcode).containsExactly(OPCODE_PING);
            assertThat(pipeline.ch.isOpen()).isTrue();
        }
    }

    @Test
    void silentAfterThePing_isClosedWith1000AfterTheSecondPeriod() {
        try (PipelineHarness pipeline = harness()) {
            pipeline.upgrade();
            advance(pipeline, PERIOD_MILLIS);
            pipeline.readFrames();

            advance(pipeline, PERIOD_MILLIS - STEP_MILLIS);
            assertThat(pipeline.readFrames()).isEmpty();
            advance(pipeline, STEP_MILLIS);

            List<WsWire.Frame> frames = pipeline.readFrames();
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).isClose()).isTrue();
            assertThat(frames.get(0).closeCode()).isEqualTo(1000);
            assertThat(frames.get(0).closeReason()).isEqualTo("heartbeat timeout");
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @Test
    void aFrameFromThePeer_startsTheWatchAgain() {
        try (PipelineHarness pipeline = harness()) {
            pipeline.upgrade();
            advance(pipeline, PERIOD_MILLIS);
            assertThat(pipeline.readFrames()).hasSize(1);

            advance(pipeline, PERIOD_MILLIS - 2 * STEP_MILLIS);
            pipeline.send(WsWire.clientText("{}"));
            pipeline.readFrames();
            advance(pipeline, PERIOD_MILLIS - 2 * STEP_MILLIS);

            assertThat(pipeline.readFrames()).as("no ping or close: the peer spoke").isEmpty();
            advance(pipeline, 2 * STEP_MILLIS);
            assertThat(pipeline.readFrames()).extracting(WsWire.Frame::opcode).containsExactly(OPCODE_PING);
            assertThat(pipeline.ch.isOpen()).isTrue();
        }
    }

    @Test
    void idleHttpConnection_isClosedAfterOnePeriodWithoutWriting() {
        try (PipelineHarness pipeline = harness()) {
            pipeline.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(pipeline.readHttp()).startsWith("HTTP/1.1 200");

            advance(pipeline, PERIOD_MILLIS - STEP_MILLIS);
            assertThat(pipeline.ch.isOpen()).isTrue();
            advance(pipeline, STEP_MILLIS);

            assertThat(pipeline.ch.isOpen()).isFalse();
            assertThat(pipeline.readHttp()).isEmpty();
        }
    }

    private static PipelineHarness harness() {
        // Heartbeat 2 s; the handshake deadline (10 s) is longer, so it is not what closes.
        return new PipelineHarness(TestServer.config(10).withServer(new ServerSettings("127.0.0.1", 0, 2, 10, 1)),
                new ConnectionLimiter(100, 1000));
    }

    private static void advance(PipelineHarness pipeline, long millis) {
        // The sweep sets its next look when it runs: move time one step at a time.
        for (long moved = 0; moved < millis; moved += STEP_MILLIS) {
            pipeline.ch.advanceTimeBy(Math.min(STEP_MILLIS, millis - moved), TimeUnit.MILLISECONDS);
            pipeline.ch.runScheduledPendingTasks();
            pipeline.ch.runPendingTasks();
        }
    }
}
