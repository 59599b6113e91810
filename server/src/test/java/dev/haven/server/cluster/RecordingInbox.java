package dev.haven.server.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a node's inbox received, for tests to await and read. Thread-safe. */
final class RecordingInbox implements NodeBus.Inbox {
    private final List<Object[]> received = new ArrayList<>();
    private final List<NodeId> lost = new ArrayList<>();

    /** A recording inbox, listening to this node's inbox. */
    static RecordingInbox listeningTo(ClusterStores node) {
        RecordingInbox inbox = new RecordingInbox();
        node.bus().listen(inbox);
        return inbox;
    }

    @Override
    public synchronized void received(NodeId from, byte[] payload) {
        received.add(new Object[] {from, new String(payload, StandardCharsets.UTF_8)});
    }

    @Override
    public synchronized void lost(NodeId from) {
        lost.add(from);
    }

    synchronized List<String> from(NodeId sender) {
        return received.stream().filter(r -> r[0].equals(sender)).map(r -> (String) r[1]).toList();
    }

    synchronized List<NodeId> lost() {
        return List.copyOf(lost);
    }

    synchronized int count() {
        return received.size();
    }

    void awaitCount(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count() >= count);
    }
}
