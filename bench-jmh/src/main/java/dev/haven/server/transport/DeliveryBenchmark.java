package dev.haven.server.transport;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.limits.FloodGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An event's way out below the room: encoding it once as a whole WebSocket text frame
 * ({@link NettyFrameEncoder}), and for each recipient a {@link NettyConnection#deliver} through
 * the connection's queue and drain task into the outbound handlers a connection keeps after the
 * upgrade ({@link CloseHandshake}, Netty's frame encoder), then a flush. An
 * {@link EmbeddedChannel} stands in for the socket and what reaches it is released at once, so
 * the figures are Haven's and Netty's work per recipient without the system call.
 * {@code writeFrameObject} is the way out before frames were encoded once with their header: a
 * {@code TextWebSocketFrame} per recipient, headed and copied by Netty's encoder. The server
 * classes are package-private, so this benchmark lives in their package name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeliveryBenchmark {
    @Param({"100", "1000"})
    int textChars;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final NettyFrameEncoder encoder = new NettyFrameEncoder(codec, ByteBufAllocator.DEFAULT);
    private MessageEvent event;
    private EmbeddedChannel channel;
    private NettyConnection connection;
    private NettyFrame frame;
    private ByteBuf payloadOnly;

    @Setup
    public void setUp() {
        String text = "what is shared here stays here and everyone gets room to talk ".repeat(textChars / 60 + 1)
                .substring(0, textChars);
        event = new MessageEvent("open-lounge", 123_456, new UserInfo("guest-5f2c9a0b1d3e4f5a6b", "Sam", Role.MEMBER),
                text, 1_764_000_000_000L, "1.123456789");
        channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false), new CloseHandshake());
        LimitSettings limits = LimitSettings.defaults();
        connection = new NettyConnection(channel, encoder, new FloodGuard(limits, System::nanoTime),
                limits.outboundQueueBytes(), () -> { });
        frame = (NettyFrame) encoder.encode(event);
        payloadOnly = ByteBufAllocator.DEFAULT.buffer(256);
        codec.encode(event, new ByteBufOutputStream(payloadOnly));
    }

    @TearDown
    public void tearDown() {
        frame.release();
        payloadOnly.release();
        channel.finishAndReleaseAll();
    }

    /** Once per event: the JSON and its frame header into one pooled buffer. */
    @Benchmark
    public int encodeFrame() {
        ByteBuf buffer = encoder.encodeToBuffer(event);
        int length = buffer.readableBytes();
        buffer.release();
        return length;
    }

    /** Per recipient, all of it: queue, drain task, write of a duplicate, flush. */
    @Benchmark
    public int deliver() {
        connection.deliver(frame);
        channel.runPendingTasks();
        return releaseWritten();
    }

    /** Per recipient, the write alone: a duplicate of the encoded frame passes the frame encoder. */
    @Benchmark
    public int writeEncodedFrame() {
        channel.writeAndFlush(frame.content().retainedDuplicate(), channel.voidPromise());
        return releaseWritten();
    }

    /** Per recipient, the write alone, as before: a frame object that Netty's encoder heads and copies. */
    @Benchmark
    public int writeFrameObject() {
        channel.writeAndFlush(new TextWebSocketFrame(payloadOnly.retainedDuplicate()), channel.voidPromise());
        return releaseWritten();
    }

    private int releaseWritten() {
        int count = 0;
        Object written;
        while ((written = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(written);
            count++;
        }
        return count;
    }
}
