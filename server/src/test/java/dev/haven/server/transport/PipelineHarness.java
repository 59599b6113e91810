package dev.haven.server.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.haven.server.config.HavenConfig;
import dev.haven.server.limits.ConnectionLimiter;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Haven's real pipeline ({@link HavenChannelInitializer}) in an {@link EmbeddedChannel}, with
 * an {@link EchoHandler} in place of the chat handler: the test writes the bytes a client
 * would send and reads the bytes the server writes, frame by frame. Time is frozen; tests
 * advance it.
 */
final class PipelineHarness implements AutoCloseable {
    static final ServerStatus STATUS = new ServerStatus() {
        @Override
        public long uptimeSeconds() {
            return 1;
        }

        @Override
        public int connections() {
            return 0;
        }

        @Override
        public int rooms() {
            return 0;
        }
    };

    final EmbeddedChannel ch;
    private final WsWire.Reader frames = new WsWire.Reader();
    private final StringBuilder http = new StringBuilder();

    PipelineHarness() {
        this(TestServer.config(10), new ConnectionLimiter(100, 1000));
    }

    PipelineHarness(HavenConfig config, ConnectionLimiter limiter) {
        ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new HavenChannelInitializer(config, STATUS, limiter, null, EchoHandler::new));
    }

    /** Writes raw bytes as if the client sent them. */
    PipelineHarness send(byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
        ch.runPendingTasks();
        return this;
    }

    PipelineHarness send(String ascii) {
        return send(ascii.getBytes(US_ASCII));
    }

    /** Sends a version-13 upgrade request for {@code /ws} and returns the response head. */
    String upgrade(String... headerLines) {
        String[] lines = new String[headerLines.length + 1];
        lines[0] = "Sec-WebSocket-Version: 13";
        System.arraycopy(headerLines, 0, lines, 1, headerLines.length);
        send(WsWire.upgradeRequest("/ws", lines));
        return readHttp();
    }

    /** Everything the server wrote so far, as text: an HTTP response. */
    String readHttp() {
        collect(true);
        String text = http.toString();
        http.setLength(0);
        return text;
    }

    /** Every frame the server wrote so far. */
    List<WsWire.Frame> readFrames() {
        collect(false);
        List<WsWire.Frame> all = new ArrayList<>();
        WsWire.Frame frame;
        while ((frame = frames.next()) != null) {
            all.add(frame);
        }
        return all;
    }

    private void collect(boolean asHttp) {
        ch.runPendingTasks();
        Object message;
        while ((message = ch.readOutbound()) != null) {
            try {
                if (message instanceof ByteBuf bytes) {
                    byte[] copy = ByteBufUtil.getBytes(bytes);
                    if (asHttp) {
                        http.append(new String(copy, US_ASCII));
                    } else {
                        frames.feed(copy);
                    }
                } else {
                    throw new AssertionError("the pipeline wrote " + message.getClass().getName() + ", not bytes");
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
    }

    @Override
    public void close() {
        ch.finishAndReleaseAll();
    }
}
