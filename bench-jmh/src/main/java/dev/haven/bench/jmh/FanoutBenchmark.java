package dev.haven.bench.jmh;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.FrameEncoder;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomExecutor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One accepted {@code send} in a room of M members, through the room's public API: checks,
 * {@code seq}, history append, participation stats, encoding the event once into a pooled
 * buffer, and handing a retained duplicate to each of the M sessions. The executor runs tasks
 * inline and the sessions release what they are handed at once, so what is measured is the
 * room's own work, without the sockets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanoutBenchmark {
    @Param({"10", "200", "1000"})
    int members;

    private Room room;
    private Session sender;
    private Send send;
    private Consumer<ServerMessage> reply;
    private final List<Session> sessions = new ArrayList<>();

    @Setup
    public void setUp(Blackhole blackhole) {
        HavenConfig config = Fixtures.defaults();
        RoomSettings settings = new RoomSettings("room-0", "Bench room", RoomCategory.GENERAL, "load", List.of(),
                members + 10, null, false);
        room = new Room(settings, config, new InlineExecutor(), Clock.systemUTC(), new PooledEncoder());
        reply = blackhole::consume;
        for (int i = 0; i < members; i++) {
            FakeSession session = new FakeSession(new Identity("guest-" + i, "Member " + i, Role.MEMBER, null, true),
                    blackhole);
            room.join(session, new Join("j", "room-0", null, true), blackhole::consume);
            sessions.add(session);
        }
        sender = sessions.get(0);
        send = new Send("s", "room-0", Fixtures.text(100), "1.123456789");
    }

    @Benchmark
    public void sendToRoom() {
        room.send(sender, send, reply);
    }

    /** Runs every task at once on the calling thread; timers never fire. */
    static final class InlineExecutor implements RoomExecutor {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public Runnable schedule(Runnable task, Duration delay) {
            return () -> { };
        }
    }

    /** Encodes as the server does: the protocol codec straight into a pooled buffer. */
    static final class PooledEncoder implements FrameEncoder {
        private final ProtocolCodec codec = new ProtocolCodec();

        @Override
        public OutboundFrame encode(ServerMessage event) {
            ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(256);
            codec.encode(event, new ByteBufOutputStream(buffer));
            return new Frame(buffer);
        }
    }

    record Frame(ByteBuf content) implements OutboundFrame {
        @Override
        public void release() {
            content.release();
        }
    }

    /** Takes a retained duplicate as a connection does when it queues the frame, and lets it go. */
    static final class FakeSession implements Session {
        private final Identity identity;
        private final Blackhole blackhole;

        FakeSession(Identity identity, Blackhole blackhole) {
            this.identity = identity;
            this.blackhole = blackhole;
        }

        @Override
        public Identity identity() {
            return identity;
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public void deliver(OutboundFrame frame) {
            ByteBuf duplicate = ((Frame) frame).content().retainedDuplicate();
            blackhole.consume(duplicate.readableBytes());
            duplicate.release();
        }

        @Override
        public void send(ServerMessage message) {
            blackhole.consume(message);
        }
    }
}
