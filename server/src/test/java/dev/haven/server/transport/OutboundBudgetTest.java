package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every byte queued for a connection counts; past the budget the connection is closed. */
class OutboundBudgetTest {
    private static final int BUDGET = 64 * 1024;

    private static PipelineHarness pipeline() {
        HavenConfig config = TestServer.config(10).withLimits(LimitSettings.defaults().withOutboundQueueBytes(BUDGET));
        return new PipelineHarness(config, new ConnectionLimiter(100, 1000));
    }

    @Test
    void pong_whenMoreThanTheBudgetWaitsForAPeerThatDoesNotRead_closesWith1008Slow() {
        try (PipelineHarness pipeline = pipeline()) {
            pipeline.upgrade();
            // Queued for the peer, not yet taken: more than the budget, so the channel is not writable.
            pipeline.ch.pipeline().write(new TextWebSocketFrame("x".repeat(BUDGET + 1)));
            assertThat(pipeline.ch.isWritable()).isFalse();

            pipeline.send(WsWire.clientFrame(0x80 | WsWire.PING, new byte[] {1}));

            List<WsWire.Frame> frames = pipeline.readFrames();
            assertThat(frames).extracting(WsWire.Frame::opcode).containsExactly(WsWire.TEXT, WsWire.CLOSE);
            assertThat(frames.get(1).closeCode()).isEqualTo(1008);
            assertThat(frames.get(1).closeReason()).isEqualTo("slow");
            assertThat(pipeline.ch.isOpen()).isFalse();
        }
    }

    @Test
    void pong_whileTheBudgetHoldsWhatWaits_goesOut() {
        try (PipelineHarness pipeline = pipeline()) {
            pipeline.upgrade();
            pipeline.ch.pipeline().write(new TextWebSocketFrame("x".repeat(BUDGET - 1024)));

            pipeline.send(WsWire.clientFrame(0x80 | WsWire.PING, new byte[] {1}));

            assertThat(pipeline.readFrames()).extracting(WsWire.Frame::opcode).containsExactly(WsWire.TEXT, WsWire.PONG);
            assertThat(pipeline.ch.isOpen()).isTrue();
        }
    }

    @Test
    void httpResponse_whenMoreThanTheBudgetWaits_isDroppedAndTheConnectionClosed() {
        try (PipelineHarness pipeline = pipeline()) {
            // Bytes of an earlier response the peer has not taken.
            pipeline.ch.pipeline().firstContext().write(Unpooled.wrappedBuffer(new byte[BUDGET + 1]));

            pipeline.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(pipeline.ch.isOpen()).isFalse();
            assertThat(pipeline.readHttp()).doesNotContain("HTTP/1.1 200");
        }
    }
}
