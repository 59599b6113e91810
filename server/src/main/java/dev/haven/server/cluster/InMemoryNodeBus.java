package dev.haven.server.cluster;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Node-to-node messages within one process: each node of an {@link InMemoryCluster} has a
 * mailbox that one thread of its own drains in order. Messages to a node that does not listen
 * yet wait in its mailbox, as they wait in a Redis inbox.
 *
 * <p><b>Threading.</b> {@link #send} may be called from any thread; each mailbox's queue is
 * guarded by its own lock, and only the mailbox's thread calls its inbox.
 */
final class InMemoryNodeBus implements NodeBus {
    private final NodeId self;
    private final Map<NodeId, Mailbox> mailboxes;

    /** One node's inbox and the thread that reads it. */
    static final class Mailbox {
        private final Queue<Object[]> queue = new ArrayDeque<>();
        private NodeBus.Inbox inbox;
        private ExecutorService reader;

        synchronized void put(NodeId from, byte[] payload) {
            queue.add(new Object[] {from, payload});
            if (reader != null) {
                reader.execute(this::drain);
            }
        }

        synchronized void listen(NodeId self, NodeBus.Inbox handler) {
            inbox = handler;
            reader = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "haven-inbox-" + self);
                thread.setDaemon(true);
                return thread;
            });
            reader.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Object[] next;
                NodeBus.Inbox handler;
                synchronized (this) {
                    next = queue.poll();
                    handler = inbox;
                }
                if (next == null) {
                    return;
                }
                try {
                    handler.received((NodeId) next[0], (byte[]) next[1]);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(InMemoryNodeBus.class).error(
                            "a node message could not be handled from={} error={}", next[0], e.getClass().getName(), e);
                }
            }
        }

        synchronized void close() {
            if (reader != null) {
                reader.shutdownNow();
                reader = null;
            }
        }
    }

    InMemoryNodeBus(NodeId self, Map<NodeId, Mailbox> mailboxes) {
        this.self = self;
        this.mailboxes = mailboxes;
    }

    static Map<NodeId, Mailbox> hub() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public NodeId self() {
        return self;
    }

    @Override
    public CompletableFuture<Void> send(NodeId to, byte[] payload) {
        mailboxes.computeIfAbsent(to, id -> new Mailbox()).put(self, payload.clone());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void listen(NodeBus.Inbox inbox) {
        mailboxes.computeIfAbsent(self, id -> new Mailbox()).listen(self, inbox);
    }

    @Override
    public void close() {
        Mailbox mine = mailboxes.remove(self);
        if (mine != null) {
            mine.close();
        }
    }
}
