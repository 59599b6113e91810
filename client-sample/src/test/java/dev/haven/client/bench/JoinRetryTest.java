package dev.haven.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JoinRetryTest {
    private final List<String> outcomes = new ArrayList<>();
    private final RunStats stats = new RunStats();
    private final BenchConnection connection = new BenchConnection("m", "room-0", false, 0, stats,
            new BenchConnection.Outcome() {
                @Override
                public void joined(BenchConnection c) {
                    outcomes.add("joined");
                }

                @Override
                public void failed(BenchConnection c, String reason) {
                    outcomes.add("failed: " + reason);
                }
            });
    private final EmbeddedChannel channel = new EmbeddedChannel(connection);

    private String written() {
        TextWebSocketFrame frame = channel.readOutbound();
        try {
            return frame == null ? null : frame.text();
        } finally {
            if (frame != null) {
                frame.release();
            }
        }
    }

    @Test
    void joinAnsweredUnavailable_isRetried_thenJoins() {
        channel.writeInbound(new TextWebSocketFrame("{\"type\":\"ok\",\"id\":\"h\"}"));
        assertThat(written()).contains("\"type\":\"join\"");

        channel.writeInbound(new TextWebSocketFrame(
                "{\"type\":\"error\",\"id\":\"j\",\"code\":\"unavailable\",\"retryAfterMs\":1000}"));
        assertThat(outcomes).isEmpty();
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(written()).contains("\"type\":\"join\"");

        channel.writeInbound(new TextWebSocketFrame("{\"type\":\"ok\",\"id\":\"j\"}"));
        assertThat(outcomes).containsExactly("joined");
        assertThat(stats.errorsByCode()).containsEntry("join_unavailable_retried", 1L);
    }

    @Test
    void joinRefusedOtherwise_fails() {
        channel.writeInbound(new TextWebSocketFrame("{\"type\":\"ok\",\"id\":\"h\"}"));
        channel.writeInbound(new TextWebSocketFrame("{\"type\":\"error\",\"id\":\"j\",\"code\":\"banned\"}"));

        assertThat(outcomes).containsExactly("failed: join refused: banned");
    }
}
