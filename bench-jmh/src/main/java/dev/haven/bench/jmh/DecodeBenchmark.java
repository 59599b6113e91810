package dev.haven.bench.jmh;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.client.ClientMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one request as the server does for every text frame: a {@code send} and a
 * {@code join} that are valid (bound in one pass), and a {@code send} with a field of the wrong
 * type, which is read a second time to name the field.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    private final ProtocolCodec codec = new ProtocolCodec();
    private final byte[] send = utf8("{\"id\":\"42\",\"type\":\"send\",\"room\":\"open-lounge\",\"text\":\""
            + Fixtures.text(100) + "\",\"clientId\":\"1.123456789\"}");
    private final byte[] join = utf8("{\"id\":\"2\",\"type\":\"join\",\"room\":\"open-lounge\",\"since\":120}");
    private final byte[] mistyped = utf8("{\"id\":\"43\",\"type\":\"send\",\"room\":7,\"text\":\"hi\"}");

    @Benchmark
    public ClientMessage decodeSend() throws ProtocolException {
        return codec.decodeClient(send);
    }

    @Benchmark
    public ClientMessage decodeJoin() throws ProtocolException {
        return codec.decodeClient(join);
    }

    @Benchmark
    public ProtocolException decodeMistyped() {
        try {
            codec.decodeClient(mistyped);
            throw new IllegalStateException("a mistyped request was accepted");
        } catch (ProtocolException expected) {
            return expected;
        }
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
