package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.limits.FloodGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fan-out to many connections of one event loop: the loop is handed one drain task, not one
 * per connection, and inside a room's task ({@link WakeBatch}) not before the task is over.
 * The "loop" here is a list of submitted tasks that the test runs when it chooses.
 */
class LoopDrainTest {
    private static final int CONNECTIONS = 10;

    private final NettyFrameEncoder encoder = new NettyFrameEncoder(new ProtocolCodec(), ByteBufAllocator.DEFAULT);
    private final List<Runnable> submitted = new ArrayList<>();
    private final LoopDrain drain = new LoopDrain(submitted::add);
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<NettyConnection> connections = new ArrayList<>();

    LoopDrainTest() {
        LimitSettings limits = LimitSettings.defaults();
        for (int i = 0; i < CONNECTIONS; i++) {
            EmbeddedChannel channel = new EmbeddedChannel();
            channels.add(channel);
            connections.add(new NettyConnection(channel, encoder, new FloodGuard(limits, System::nanoTime),
                    limits.outboundQueueBytes(), () -> { }, drain));
        }
    }

    @AfterEach
    void tearDown() {
        channels.forEach(channel -> assertThat(channel.finishAndReleaseAll()).isFalse());
    }

    @Test
    void deliver_toEveryConnectionOfALoop_submitsOneDrainThatWritesToEach() {
        deliverToAll(message(1));

        assertThat(submitted).hasSize(1);
        runSubmitted();
        channels.forEach(channel -> assertThat(readFrames(channel)).isEqualTo(1));
    }

    @Test
    void deliver_insideABatch_submitsTheDrainWhenTheBatchEnds() {
        WakeBatch.run(() -> {
            deliverToAll(message(1));
            deliverToAll(message(2));
            assertThat(submitted).isEmpty();
        });

        assertThat(submitted).hasSize(1);
        runSubmitted();
        channels.forEach(channel -> assertThat(readFrames(channel)).isEqualTo(2));
    }

    @Test
    void deliver_afterADrain_submitsTheNextOne() {
        deliverToAll(message(1));
        runSubmitted();
        channels.forEach(LoopDrainTest::readFrames);

        OutboundFrame next = frame(message(2));
        connections.get(3).deliver(next);
        next.release();

        assertThat(submitted).hasSize(1);
        runSubmitted();
        assertThat(readFrames(channels.get(3))).isEqualTo(1);
        assertThat(readFrames(channels.get(4))).isZero();
    }

    @Test
    void execute_insideABatch_waitsForTheBatchAndKeepsTheOrderOfHandOffs() {
        List<String> order = new ArrayList<>();
        DefaultEventLoop otherLoop = new DefaultEventLoop();
        try {
            WakeBatch.run(() -> {
                WakeBatch.execute(otherLoop, () -> order.add("first"));
                WakeBatch.execute(otherLoop, () -> order.add("second"));
                assertThat(order).isEmpty();
            });
            otherLoop.submit(() -> { }).syncUninterruptibly();
            assertThat(order).containsExactly("first", "second");
        } finally {
            otherLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void deliverToAll(MessageEvent event) {
        OutboundFrame frame = frame(event);
        try {
            connections.forEach(connection -> connection.deliver(frame));
        } finally {
            frame.release();
        }
    }

    private OutboundFrame frame(MessageEvent event) {
        return encoder.encode(event);
    }

    private void runSubmitted() {
        List<Runnable> tasks = new ArrayList<>(submitted);
        submitted.clear();
        tasks.forEach(Runnable::run);
    }

    private static int readFrames(EmbeddedChannel channel) {
        int frames = 0;
        Object written;
        while ((written = channel.readOutbound()) != null) {
            ((ByteBuf) written).release();
            frames++;
        }
        return frames;
    }

    private static MessageEvent message(long seq) {
        return new MessageEvent("room", seq, new UserInfo("u1", "Sky", Role.MEMBER), "hello", 1L, null);
    }
}
