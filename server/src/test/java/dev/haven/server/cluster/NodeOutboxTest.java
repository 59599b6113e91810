package dev.haven.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.SendResult;
import dev.haven.server.delivery.FrameRelay;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A room's output for the members of another node leaves as few messages as possible, in order. */
class NodeOutboxTest {
    private final InMemoryCluster cluster = new InMemoryCluster(new ManualClock(Instant.EPOCH), 10, Duration.ofHours(1));
    private final ClusterStores owner = cluster.node(new NodeId("owner"));
    private final ClusterStores member = cluster.node(new NodeId("member"));
    private final Queue<Runnable> senderTasks = new ArrayDeque<>();
    private final List<Envelope.Batch> received = new CopyOnWriteArrayList<>();
    private final List<String> relayed = new CopyOnWriteArrayList<>();

    /** Frames whose "bytes" are a name; counts how often a frame's JSON was taken. */
    private record NamedFrame(String name) implements OutboundFrame {
        @Override
        public void release() {
        }
    }

    private final FrameRelay relay = new FrameRelay() {
        @Override
        public byte[] json(OutboundFrame frame) {
            relayed.add(((NamedFrame) frame).name());
            return ((NamedFrame) frame).name().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public OutboundFrame frame(byte[] json) {
            return new NamedFrame(new String(json, StandardCharsets.UTF_8));
        }
    };

    private final NodeOutbox outbox = new NodeOutbox(member.node(), owner.bus(), senderTasks::add, relay,
            new ProtocolCodec(), ProtocolCodec.newMapper());

    @AfterEach
    void close() {
        owner.close();
        member.close();
    }

    private void runSender() {
        while (!senderTasks.isEmpty()) {
            senderTasks.poll().run();
        }
    }

    private void listen() {
        member.bus().listen(new NodeBus.Inbox() {
            @Override
            public void received(NodeId from, byte[] payload) {
                received.add((Envelope.Batch) Envelope.decode(payload));
            }

            @Override
            public void lost(NodeId from) {
            }
        });
    }

    @Test
    void aBroadcastToManyMembersOfOneNode_leavesAsOneItem_withItsJsonTakenOnce() {
        listen();
        NamedFrame message = new NamedFrame("{\"type\":\"message\"}");
        outbox.event("lounge", 9, 1, message);
        outbox.event("lounge", 9, 2, message);
        outbox.event("lounge", 9, 3, message);
        assertThat(senderTasks).as("one flush for the whole broadcast").hasSize(1);
        runSender();
        org.awaitility.Awaitility.await().until(() -> received.size() == 1);
        assertThat(received.get(0).items()).hasSize(1);
        Envelope.Event event = (Envelope.Event) received.get(0).items().get(0);
        assertThat(event.conns()).containsExactly(1, 2, 3);
        assertThat(relayed).hasSize(1);
    }

    @Test
    void repliesAndEvents_keepTheOrderTheRoomGaveThem() {
        listen();
        NamedFrame joined = new NamedFrame("{\"type\":\"presence\"}");
        outbox.reply("lounge", 9, 1, 7, new Ok("j1", new SendResult(4)));
        outbox.event("lounge", 9, 1, joined);
        outbox.event("lounge", 9, 2, joined);
        outbox.message("lounge", 9, 2, ErrorReply.of(null, ErrorCode.MUTED, "you are muted"));
        outbox.reply("lounge", 9, 2, 8, ErrorReply.of("s1", ErrorCode.SLOW_MODE, "slow"));
        runSender();
        org.awaitility.Awaitility.await().until(() -> received.size() == 1);
        List<Envelope.Item> items = received.get(0).items();
        assertThat(items).extracting(item -> item.getClass().getSimpleName())
                .containsExactly("OkReply", "Event", "Event", "ErrorItem");
        assertThat(((Envelope.OkReply) items.get(0)).result()).isEqualTo("SendResult");
        assertThat(((Envelope.Event) items.get(1)).conns()).containsExactly(1, 2);
        assertThat(((Envelope.Event) items.get(2)).conns()).containsExactly(2);
        assertThat(((Envelope.ErrorItem) items.get(3)).code()).isEqualTo("slow_mode");
    }

    @Test
    void eventsOfTwoRooms_areNeverMerged() {
        listen();
        NamedFrame same = new NamedFrame("{\"type\":\"message\"}");
        outbox.event("lounge", 9, 1, same);
        outbox.event("circle", 9, 2, same);
        runSender();
        org.awaitility.Awaitility.await().until(() -> received.size() == 1);
        assertThat(received.get(0).items()).extracting(Envelope.Item::room).containsExactly("lounge", "circle");
    }
}
