package dev.haven.bench.jmh;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.PooledByteBufAllocator;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one {@code message} event, which a room does once for all its members: the protocol
 * codec alone, writing straight into a pooled buffer, beside encoding to a byte array for
 * comparison. {@code DeliveryBenchmark.encodeFrame} measures the server's own encoder, which also
 * writes the WebSocket frame header.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeBenchmark {
    @Param({"100", "1000"})
    int textChars;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private MessageEvent event;

    @Setup
    public void setUp() {
        event = new MessageEvent("open-lounge", 123_456, new UserInfo("guest-5f2c9a0b1d3e4f5a6b", "Sam", Role.MEMBER),
                Fixtures.text(textChars), 1_764_000_000_000L, "1.123456789");
    }

    /** A pooled buffer of 256 bytes that grows as needed, as the server's encoder takes. */
    @Benchmark
    public int encodeToPooledBuffer() {
        ByteBuf buffer = allocator.buffer(256);
        try {
            codec.encode(event, new ByteBufOutputStream(buffer));
            return buffer.readableBytes();
        } finally {
            buffer.release();
        }
    }

    @Benchmark
    public byte[] encodeToByteArray() {
        return codec.encode(event);
    }
}
