package dev.haven.server.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.LimitSettings;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pings within a budget, one pong on its way at a time, and a close for a flood. */
class PingHandlerTest {
    /** 50 pings a second, 100 at once, 50 refusals in 10 s: the defaults. */
    private static final LimitSettings LIMITS = LimitSettings.defaults();

    private final long[] now = {0};
    private final HeldWrites held = new HeldWrites();
    private EmbeddedChannel ch;

    @AfterEach
    void release() {
        held.releaseAll();
        if (ch != null) {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void ping_isAnsweredWithItsPayload_andOtherFramesPassBy() {
        ch = new EmbeddedChannel(new PingHandler(LIMITS, () -> now[0]));

        ch.writeInbound(ping("hello"));
        ch.writeInbound(new TextWebSocketFrame("{}"));

        PongWebSocketFrame pong = ch.readOutbound();
        try {
            assertThat(pong.content().toString(US_ASCII)).isEqualTo("hello");
        } finally {
            pong.release();
        }
        TextWebSocketFrame text = ch.readInbound();
        assertThat(text.text()).isEqualTo("{}");
        text.release();
    }

    @Test
    void pings_pastTheirBudget_goUnansweredThenTooManyRefusalsCloseWith1008Flooding() {
        ch = new EmbeddedChannel(new PingHandler(LIMITS, () -> now[0]));

        for (int i = 0; i < 151; i++) {
            ch.writeInbound(ping("p" + i));
        }

        List<Object> written = drainOutbound();
        long pongs = written.stream().filter(PongWebSocketFrame.class::isInstance).count();
        assertThat(pongs).as("the burst of 100, then 50 refused unanswered").isEqualTo(100);
        Object last = written.get(written.size() - 1);
        assertThat(last).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame) last).statusCode()).isEqualTo(1008);
        assertThat(((CloseWebSocketFrame) last).reasonText()).isEqualTo("flooding");
        written.forEach(ReferenceCountUtil::release);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void pings_atTheirRate_areAllAnswered() {
        ch = new EmbeddedChannel(new PingHandler(LIMITS, () -> now[0]));

        for (int i = 0; i < 500; i++) {
            now[0] += TimeUnit.MILLISECONDS.toNanos(20);
            ch.writeInbound(ping("p" + i));
        }

        List<Object> written = drainOutbound();
        assertThat(written).hasSize(500).allMatch(PongWebSocketFrame.class::isInstance);
        written.forEach(ReferenceCountUtil::release);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void pings_whileAPongIsStillOnItsWay_areAnsweredOnceAfterItWithTheLatestPayload() {
        ch = new EmbeddedChannel(held, new PingHandler(LIMITS, () -> now[0]));

        ch.writeInbound(ping("first"));
        ch.writeInbound(ping("second"));
        ch.writeInbound(ping("third"));
        assertThat(pongPayloads()).as("one pong on its way, the peer has not taken it").containsExactly("first");

        held.completeAll();

        assertThat(pongPayloads()).as("then one for the latest ping only").containsExactly("first", "third");
        held.completeAll();
        ch.writeInbound(ping("fourth"));
        assertThat(pongPayloads()).containsExactly("first", "third", "fourth");
    }

    private List<String> pongPayloads() {
        return held.messages().stream().map(m -> ((PongWebSocketFrame) m).content().toString(US_ASCII)).toList();
    }

    private static PingWebSocketFrame ping(String payload) {
        return new PingWebSocketFrame(Unpooled.copiedBuffer(payload, US_ASCII));
    }

    private List<Object> drainOutbound() {
        List<Object> all = new ArrayList<>();
        Object message;
        while ((message = ch.readOutbound()) != null) {
            all.add(message);
        }
        return all;
    }
}
