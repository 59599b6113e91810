package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ping after one silent period, close after the second; idle HTTP connections close at once. */
class HeartbeatHandlerTest {
    /** Records the user events that get past the heartbeat handler. */
    private final List<Object> passedOn = new ArrayList<>();
    private final EmbeddedChannel ch = new EmbeddedChannel(new HeartbeatHandler(), new ChannelInboundHandlerAdapter() {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            passedOn.add(event);
        }
    });

    @AfterEach
    void releaseEverything() {
        ch.finishAndReleaseAll();
    }

    @Test
    void readerIdle_beforeHandshake_closesAtOnceWithoutWriting() {
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        assertThat(ch.isOpen()).isFalse();
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void readerIdle_firstAfterHandshake_pingsAndStaysOpen() {
        ch.pipeline().fireUserEventTriggered(handshakeComplete());

        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        PingWebSocketFrame ping = ch.readOutbound();
        assertThat(ping).isNotNull();
        ping.release();
        assertThat(ch.isOpen()).isTrue();
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void readerIdle_secondAfterHandshake_sendsCloseAndCloses() {
        ch.pipeline().fireUserEventTriggered(handshakeComplete());
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        PingWebSocketFrame ping = ch.readOutbound();
        ping.release();

        ch.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);

        CloseWebSocketFrame close = ch.readOutbound();
        try {
            assertThat(close).isNotNull();
            assertThat(close.statusCode()).isEqualTo(1000);
            assertThat(close.reasonText()).isEqualTo("heartbeat timeout");
        } finally {
            close.release();
        }
        assertThat(ch.isOpen()).isFalse();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void readerIdle_firstAgainAfterTrafficResumed_pingsAgainWithoutClosing() {
        ch.pipeline().fireUserEventTriggered(handshakeComplete());

        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        for (int i = 0; i < 2; i++) {
            Object frame = ch.readOutbound();
            assertThat(frame).isInstanceOf(PingWebSocketFrame.class);
            ((PingWebSocketFrame) frame).release();
        }
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void userEventTriggered_handshakeComplete_isPassedOn() {
        HandshakeComplete handshake = handshakeComplete();

        ch.pipeline().fireUserEventTriggered(handshake);

        assertThat(passedOn).containsExactly(handshake);
    }

    @Test
    void userEventTriggered_readerIdle_isNotPassedOn() {
        ch.pipeline().fireUserEventTriggered(handshakeComplete());
        passedOn.clear();

        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        assertThat(passedOn).isEmpty();
        ((PingWebSocketFrame) ch.readOutbound()).release();
    }

    @Test
    void userEventTriggered_writerAndAllIdle_arePassedOnAndIgnored() {
        ch.pipeline().fireUserEventTriggered(handshakeComplete());

        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

        assertThat(passedOn)
                .contains(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT, IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(ch.isOpen()).isTrue();
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void userEventTriggered_writerIdleBeforeHandshake_doesNotClose() {
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.WRITER_IDLE_STATE_EVENT);

        assertThat(ch.isOpen()).isTrue();
        assertThat(passedOn).containsExactly(IdleStateEvent.WRITER_IDLE_STATE_EVENT);
    }

    private static HandshakeComplete handshakeComplete() {
        return new HandshakeComplete("/ws", new DefaultHttpHeaders(), null);
    }
}
