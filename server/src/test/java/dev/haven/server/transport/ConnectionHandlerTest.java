package dev.haven.server.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.auth.TokenService;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.session.RequestDispatcher;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Instant;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-connection handler in an {@link EmbeddedChannel}, over a real dispatcher and real
 * rooms, behind {@link PreFramedFrames} to read its frames. Rooms run their tasks inline, or hold them until the test runs them, to play a room
 * that answers later than the connection reads.
 */
class ConnectionHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HELLO_TIMEOUT_MILLIS = 5_000;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final NettyFrameEncoder encoder = new NettyFrameEncoder(codec, ByteBufAllocator.DEFAULT);
    private final TokenService tokens = new TokenService(TestServer.SECRET.getBytes(UTF_8), Clock.systemUTC());
    /** Runs room tasks inline, or holds them to play a busy room. */
    private final ManualRoomExecutor roomExecutor = new ManualRoomExecutor(new ManualClock(Instant.now()));
    private final RoomRegistry rooms = new RoomRegistry(TestServer.config(50), () -> roomExecutor,
            Clock.systemUTC(), encoder);
    private final RequestDispatcher dispatcher = new RequestDispatcher(rooms, tokens, true, 30);
    private final ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    private EmbeddedChannel ch;

    @BeforeEach
    void connect() {
        ch = new EmbeddedChannel(new PreFramedFrames(), new ConnectionHandler(codec, encoder, dispatcher, connections,
                HELLO_TIMEOUT_MILLIS, LimitSettings.defaults(), Clock.systemUTC()));
        ch.freezeTime();
        ch.pipeline().fireUserEventTriggered(new HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
    }

    @AfterEach
    void releaseEverything() {
        ch.finishAndReleaseAll();
    }

    // ---------------------------------------------------------------- requests and replies

    @Test
    void channelRead_pingBeforeHello_isUnauthenticatedWithItsId() {
        JsonNode reply = ask("{\"id\":\"p\",\"type\":\"ping\"}");

        assertThat(reply.path("type").asText()).isEqualTo("error");
        assertThat(reply.path("code").asText()).isEqualTo("unauthenticated");
        assertThat(reply.path("id").asText()).isEqualTo("p");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void channelRead_notJsonBeforeHello_isBadRequestWithoutId() {
        JsonNode reply = ask("hello?");

        assertThat(reply.path("code").asText()).isEqualTo("bad_request");
        assertThat(reply.has("id")).isFalse();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void channelRead_guestHelloThenPing_repliesOkToEach() {
        JsonNode hello = ask("{\"id\":\"h\",\"type\":\"hello\",\"name\":\"Romeo\"}");
        JsonNode pong = ask("{\"id\":\"p\",\"type\":\"ping\"}");

        assertThat(hello.path("type").asText()).isEqualTo("ok");
        assertThat(hello.path("id").asText()).isEqualTo("h");
        assertThat(hello.path("user").path("name").asText()).isEqualTo("Romeo");
        assertThat(hello.path("heartbeatSeconds").asInt()).isEqualTo(30);
        assertThat(pong.path("type").asText()).isEqualTo("ok");
        assertThat(pong.path("id").asText()).isEqualTo("p");
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void channelRead_badFramesAfterHello_areAnsweredAndConnectionStaysOpen() {
        hello("Romeo");

        JsonNode notJson = ask("{oops");
        JsonNode unknown = ask("{\"id\":\"u\",\"type\":\"dance\"}");
        JsonNode mistyped = ask("{\"id\":\"m\",\"type\":\"join\",\"room\":123}");
        JsonNode pong = ask("{\"id\":\"p\",\"type\":\"ping\"}");

        assertThat(notJson.path("code").asText()).isEqualTo("bad_request");
        assertThat(unknown.path("code").asText()).isEqualTo("unknown_type");
        assertThat(unknown.path("id").asText()).isEqualTo("u");
        assertThat(mistyped.path("code").asText()).isEqualTo("bad_request");
        assertThat(mistyped.path("id").asText()).isEqualTo("m");
        assertThat(pong.path("type").asText()).isEqualTo("ok");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void channelRead_joinThenSend_repliesAndDeliversTheMessageToTheSender() {
        hello("Romeo");
        JsonNode joined = ask("{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}");

        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"s\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"hi\"}"));
        List<JsonNode> frames = readTexts();

        assertThat(joined.path("type").asText()).isEqualTo("ok");
        assertThat(joined.path("room").path("id").asText()).isEqualTo("lounge");
        assertThat(frames).extracting(f -> f.path("type").asText()).containsExactlyInAnyOrder("message", "ok");
        JsonNode message = frames.stream().filter(f -> "message".equals(f.path("type").asText())).findFirst()
                .orElseThrow();
        assertThat(message.path("text").asText()).isEqualTo("hi");
        assertThat(message.path("seq").asLong()).isEqualTo(1);
        assertThat(rooms.find("lounge").info().members()).isEqualTo(1);
    }

    @Test
    void channelRead_textFrame_isReleased() {
        TextWebSocketFrame frame = new TextWebSocketFrame("{\"id\":\"p\",\"type\":\"ping\"}");

        ch.writeInbound(frame);

        assertThat(frame.refCnt()).isZero();
        readTexts();
    }

    @Test
    void channelRead_framesBehindARoomThatAnswersLater_areAnsweredInRequestOrder() {
        hello("Romeo");
        roomExecutor.hold();

        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"1\",\"type\":\"join\",\"room\":\"lounge\"}"));
        ch.writeInbound(new TextWebSocketFrame("not json"));
        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"3\",\"type\":\"ping\"}"));
        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"4\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"hi\"}"));
        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"5\",\"type\":\"dance\"}"));

        assertThat(readTexts()).as("nothing may overtake the join in flight").isEmpty();
        runRoomTasks();

        List<String> replies = readTexts().stream()
                .filter(f -> !"message".equals(f.path("type").asText()))
                .map(f -> f.path("id").asText("-") + " " + f.path("code").asText(f.path("type").asText()))
                .toList();
        assertThat(replies).containsExactly("1 ok", "- bad_request", "3 ok", "4 ok", "5 unknown_type");
    }

    @Test
    void channelRead_manyFramesBehindARoomThatAnswersLater_pausesReadingUntilDrained() {
        hello("Romeo");
        roomExecutor.hold();
        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"join\",\"type\":\"join\",\"room\":\"lounge\"}"));

        for (int i = 0; i < 70; i++) {
            ch.writeInbound(new TextWebSocketFrame("{\"id\":\"p" + i + "\",\"type\":\"ping\"}"));
        }

        assertThat(ch.config().isAutoRead()).as("reading paused while 70 requests wait").isFalse();
        runRoomTasks();
        List<JsonNode> replies = readTexts();
        assertThat(replies).hasSize(71);
        assertThat(replies.get(0).path("id").asText()).isEqualTo("join");
        for (int i = 0; i < 70; i++) {
            assertThat(replies.get(i + 1).path("id").asText()).isEqualTo("p" + i);
        }
        assertThat(ch.config().isAutoRead()).as("reading resumed").isTrue();
    }

    // ---------------------------------------------------------------- closing

    @Test
    void channelRead_binaryFrame_closesWith1003() {
        hello("Romeo");
        BinaryWebSocketFrame binary = new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));

        ch.writeInbound(binary);

        assertThat(binary.refCnt()).isZero();
        assertThat(readCloseCode()).isEqualTo(1003);
        assertThat(ch.isOpen()).isFalse();
        assertThat(readTexts()).as("nothing after the close frame").isEmpty();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void exceptionCaught_ioException_closesWithoutCloseFrame() {
        ch.pipeline().fireExceptionCaught(new IOException("connection reset by peer"));

        assertThat(ch.isOpen()).isFalse();
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void exceptionCaught_otherError_closes() {
        ch.pipeline().fireExceptionCaught(new UncheckedIOException(new IOException("boom")));

        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void channelRead_helloWithInvalidToken_repliesUnauthenticatedThenClosesWith4001() {
        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"h\",\"type\":\"hello\",\"token\":\"not.a.token\"}"));
        ch.runPendingTasks();

        Object first = ch.readOutbound();
        Object second = ch.readOutbound();
        try {
            assertThat(first).isInstanceOf(TextWebSocketFrame.class);
            JsonNode reply = parse((TextWebSocketFrame) first);
            assertThat(reply.path("code").asText()).isEqualTo("unauthenticated");
            assertThat(reply.path("id").asText()).isEqualTo("h");
            assertThat(second).isInstanceOf(CloseWebSocketFrame.class);
            assertThat(((CloseWebSocketFrame) second).statusCode()).isEqualTo(4001);
        } finally {
            ReferenceCountUtil.release(first);
            ReferenceCountUtil.release(second);
        }
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void channelRead_helloWithExpiredToken_closesWith4001() {
        TokenService past = new TokenService(TestServer.SECRET.getBytes(UTF_8),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        String expired = past.sign("u", "Una", Role.MEMBER, null, Duration.ofHours(1));

        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"h\",\"type\":\"hello\",\"token\":\"" + expired + "\"}"));
        ch.runPendingTasks();

        TextWebSocketFrame first = ch.readOutbound();
        try {
            JsonNode reply = parse(first);
            assertThat(reply.path("code").asText()).isEqualTo("unauthenticated");
            assertThat(reply.path("message").asText()).doesNotContain(expired);
        } finally {
            first.release();
        }
        assertThat(readCloseCode()).isEqualTo(4001);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void helloTimeout_withoutHello_closesWith4001() {
        ch.advanceTimeBy(HELLO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();

        assertThat(readCloseCode()).isEqualTo(4001);
        assertThat(ch.isOpen()).isFalse();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void helloTimeout_beforeItIsDue_doesNotClose() {
        ch.advanceTimeBy(HELLO_TIMEOUT_MILLIS - 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();

        assertThat(ch.isOpen()).isTrue();
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void helloTimeout_afterRefusedGuestHello_stillClosesWith4001() {
        JsonNode refused = ask("{\"id\":\"h\",\"type\":\"hello\",\"name\":\"\"}");

        ch.advanceTimeBy(HELLO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();

        assertThat(refused.path("code").asText()).isEqualTo("bad_request");
        assertThat(readCloseCode()).isEqualTo(4001);
    }

    @Test
    void helloTimeout_afterHello_isCancelled() {
        hello("Romeo");

        ch.advanceTimeBy(2 * HELLO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();

        assertThat(ch.isOpen()).isTrue();
        assertThat(ask("{\"id\":\"p\",\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
        assertThat(ch.finish()).isFalse();
    }

    // ---------------------------------------------------------------- bad frames

    @Test
    void channelRead_tenBadFramesInAMinute_areAnsweredAndTheEleventhClosesWith1008() {
        hello("Romeo");
        for (int i = 0; i < 5; i++) {
            assertThat(ask("not json " + i).path("code").asText()).isEqualTo("bad_request");
            assertThat(ask("{\"id\":\"u" + i + "\",\"type\":\"dance\"}").path("code").asText())
                    .isEqualTo("unknown_type");
        }
        assertThat(ch.isOpen()).isTrue();

        ch.writeInbound(new TextWebSocketFrame("{\"id\":\"j\",\"type\":\"join\",\"room\":7}"));

        ch.runPendingTasks();
        TextWebSocketFrame reply = ch.readOutbound();
        try {
            assertThat(parse(reply).path("code").asText()).isEqualTo("bad_request");
        } finally {
            reply.release();
        }
        CloseWebSocketFrame close = ch.readOutbound();
        try {
            assertThat(close.statusCode()).isEqualTo(1008);
            assertThat(close.reasonText()).isEqualTo("too many bad frames");
        } finally {
            close.release();
        }
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void channelRead_goodFramesAndOtherErrors_doNotCountAsBad() {
        hello("Romeo");
        for (int i = 0; i < 30; i++) {
            ask("{\"id\":\"p" + i + "\",\"type\":\"ping\"}");
            ask("{\"id\":\"n" + i + "\",\"type\":\"join\",\"room\":\"nowhere\"}");
        }

        assertThat(ch.isOpen()).isTrue();
    }

    // ---------------------------------------------------------------- token expiry

    @Test
    void tokenExpiry_whileConnected_closesWith4001AtTheTokensExp() {
        String token = tokens.sign("u-1", "Una", Role.MEMBER, null, Duration.ofSeconds(60));
        assertThat(ask("{\"id\":\"h\",\"type\":\"hello\",\"token\":\"" + token + "\"}").path("type").asText())
                .isEqualTo("ok");

        ch.advanceTimeBy(55, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ask("{\"id\":\"p\",\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");

        ch.advanceTimeBy(6, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();

        assertThat(readCloseCode()).isEqualTo(4001);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void tokenExpiry_guest_neverCloses() {
        hello("Romeo");

        ch.advanceTimeBy(2, TimeUnit.DAYS);
        ch.runScheduledPendingTasks();

        assertThat(ch.isOpen()).isTrue();
        assertThat(ask("{\"id\":\"p\",\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
    }

    // ---------------------------------------------------------------- slow readers

    @Test
    void deliver_whileNotWritable_waitsAndGoesOutInOrderWhenWritableAgain() {
        hello("Romeo");
        ask("{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}");
        EmbeddedChannel sender = connect(unlimited(), "Sender");
        request(sender, "{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}");
        readTexts();
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

        for (int i = 0; i < 3; i++) {
            request(sender, "{\"id\":\"s" + i + "\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"m" + i + "\"}");
        }
        assertThat(readTexts()).as("nothing written while the channel is not writable").isEmpty();

        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);

        assertThat(readTexts()).extracting(f -> f.path("text").asText()).containsExactly("m0", "m1", "m2");
        assertThat(ch.isOpen()).isTrue();
        sender.finishAndReleaseAll();
    }

    @Test
    void deliver_toAReaderThatStopsReading_closesWith1008SlowDropsItsQueueAndLeavesTheRoom() {
        ch.finishAndReleaseAll();
        ch = connect(LimitSettings.defaults().withOutboundQueueBytes(64 * 1024), "Slow");
        ask("{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}");
        EmbeddedChannel sender = connect(unlimited(), "Sender");
        request(sender, "{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}");
        readTexts();
        // Its peer reads nothing: Netty's buffer is past its high water mark.
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

        String text = "x".repeat(3900);
        int sent = 0;
        for (; sent < 60 && ch.isOpen(); sent++) {
            request(sender, "{\"id\":\"s" + sent + "\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}");
            ch.runPendingTasks();
        }

        // Netty's buffer holds nothing here, so the connection's own queue may take the whole budget.
        assertThat(sent).as("closed once about 64 KiB waited").isBetween(16, 20);
        CloseWebSocketFrame close = ch.readOutbound();
        try {
            assertThat(close).as("the close frame, and nothing of the dropped queue").isNotNull();
            assertThat(close.statusCode()).isEqualTo(1008);
            assertThat(close.reasonText()).isEqualTo("slow");
        } finally {
            ReferenceCountUtil.release(close);
        }
        Object afterClose = ch.readOutbound();
        assertThat(afterClose).isNull();
        assertThat(ch.isOpen()).isFalse();
        assertThat(rooms.find("lounge").info().members()).as("only the sender is left").isEqualTo(1);
        request(sender, "{\"id\":\"after\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"still here\"}");
        sender.finishAndReleaseAll();
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void channelRead_frameBeforeHandshake_isPassedOn() {
        EmbeddedChannel raw = new EmbeddedChannel(
                new ConnectionHandler(codec, encoder, dispatcher, connections, HELLO_TIMEOUT_MILLIS,
                LimitSettings.defaults(), Clock.systemUTC()));
        TextWebSocketFrame frame = new TextWebSocketFrame("{\"type\":\"ping\"}");

        raw.writeInbound(frame);

        TextWebSocketFrame passed = raw.readInbound();
        assertThat(passed).isSameAs(frame);
        passed.release();
        assertThat(raw.finish()).isFalse();
    }

    @Test
    void userEventTriggered_handshakeComplete_addsTheChannelToConnectionsUntilItCloses() {
        assertThat(List.copyOf(connections)).containsExactly(ch);

        ch.close();

        assertThat(List.copyOf(connections)).isEmpty();
    }

    @Test
    void channelInactive_memberOfARoom_leavesIt() {
        hello("Romeo");
        ask("{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}");
        assertThat(rooms.find("lounge").info().members()).isEqualTo(1);

        ch.close();

        assertThat(rooms.find("lounge").info().members()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static LimitSettings unlimited() {
        return new LimitSettings(4000, 65536, 100_000, 100_000, 100_000, 100_000, 100_000);
    }

    /** Another connection through a handler with these limits, after a guest hello. */
    private EmbeddedChannel connect(LimitSettings limits, String name) {
        EmbeddedChannel other = new EmbeddedChannel(new PreFramedFrames(), new ConnectionHandler(codec, encoder,
                dispatcher, connections, HELLO_TIMEOUT_MILLIS, limits, Clock.systemUTC()));
        other.freezeTime();
        other.pipeline().fireUserEventTriggered(new HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
        request(other, "{\"id\":\"hello\",\"type\":\"hello\",\"name\":\"" + name + "\"}");
        return other;
    }

    /** Writes one request to another connection and drops what that connection is sent. */
    private static void request(EmbeddedChannel other, String text) {
        other.writeInbound(new TextWebSocketFrame(text));
        other.runPendingTasks();
        Object message;
        while ((message = other.readOutbound()) != null) {
            ReferenceCountUtil.release(message);
        }
    }

    private void hello(String name) {
        JsonNode reply = ask("{\"id\":\"hello\",\"type\":\"hello\",\"name\":\"" + name + "\"}");
        assertThat(reply.path("type").asText()).as("hello reply %s", reply).isEqualTo("ok");
    }

    /** Writes one text frame and returns the one frame written back. */
    private JsonNode ask(String text) {
        ch.writeInbound(new TextWebSocketFrame(text));
        List<JsonNode> frames = readTexts();
        assertThat(frames).as("frames written for %s", text).hasSize(1);
        return frames.get(0);
    }

    /** Every text frame written so far, parsed and released; fails on any other outbound message. */
    private List<JsonNode> readTexts() {
        ch.runPendingTasks();
        List<JsonNode> frames = new ArrayList<>();
        Object message;
        while ((message = ch.readOutbound()) != null) {
            try {
                assertThat(message).as("outbound message").isInstanceOf(TextWebSocketFrame.class);
                frames.add(parse((TextWebSocketFrame) message));
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        return frames;
    }

    /** Skips text frames up to the close frame and returns its status code; releases all. */
    private int readCloseCode() {
        ch.runPendingTasks();
        Object message;
        while ((message = ch.readOutbound()) != null) {
            try {
                if (message instanceof CloseWebSocketFrame close) {
                    return close.statusCode();
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        throw new AssertionError("no close frame was written");
    }

    private static JsonNode parse(TextWebSocketFrame frame) {
        try {
            return JSON.readTree(frame.text());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + frame.text(), e);
        }
    }

    private void runRoomTasks() {
        roomExecutor.release();
        ch.runPendingTasks();
    }
}
