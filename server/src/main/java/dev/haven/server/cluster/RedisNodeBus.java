package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;
import static dev.haven.server.cluster.RedisStores.text;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node-to-node messages through Redis streams: each node reads its own inbox
 * ({@code haven:node:<id>:inbox}) in order with blocking reads on a connection of its own,
 * and trims what it has read, so a message lives in Redis from its send until its receiver
 * read it (milliseconds), or, for a node that died, until the inbox expires
 * ({@link #INBOX_TTL_MILLIS} after the last send). Unlike pub/sub, a receiver that lost its
 * connection for a moment resumes where it stopped and loses nothing still in the inbox.
 *
 * <p><b>Order.</b> Every message carries the sender's counter for that inbox. A sender takes
 * the next counter and issues the command under one lock per destination, and one connection
 * carries every command of the node, so Redis appends a sender's messages to an inbox in counter
 * order; the reader drops a message it has seen and reports a gap ({@link Inbox#lost}).
 *
 * <p><b>Threading.</b> {@link #send} may be called from any thread. The reader's loop runs on
 * Lettuce's threads, one read at a time: the inbox is called by one thread at a time, in order,
 * and must hand real work to other executors quickly.
 */
final class RedisNodeBus implements NodeBus {
    private static final Logger log = LoggerFactory.getLogger(RedisNodeBus.class);
    static final LuaScript SEND = LuaScript.of("inbox_send.lua");
    static final long INBOX_TTL_MILLIS = 60_000;
    private static final long INBOX_MAX_LENGTH = 100_000;
    private static final long READ_BLOCK_MILLIS = 1000;
    private static final long READ_BATCH = 512;
    private static final long RETRY_MILLIS = 250;

    private final RedisStores redis;
    private final NodeId self;
    private final String inboxKey;
    private final Map<NodeId, long[]> counters = new ConcurrentHashMap<>();
    private final SenderOrder order = new SenderOrder();
    private volatile StatefulRedisConnection<String, byte[]> reader;
    private volatile boolean closed;
    private Inbox inbox;
    /** The id of the last entry read; the reader's loop alone uses it. */
    private String lastId = "0-0";

    RedisNodeBus(RedisStores redis, NodeId self) {
        this.redis = redis;
        this.self = self;
        this.inboxKey = RedisKeys.inbox(self);
    }

    @Override
    public NodeId self() {
        return self;
    }

    @Override
    public CompletableFuture<Void> send(NodeId to, byte[] payload) {
        long[] counter = counters.computeIfAbsent(to, node -> new long[1]);
        synchronized (counter) {
            long next = ++counter[0];
            return redis.run(SEND, ScriptOutputType.VALUE, new String[] {RedisKeys.inbox(to)}, bytes(self), bytes(next),
                    payload, bytes(INBOX_MAX_LENGTH), bytes(INBOX_TTL_MILLIS)).thenApply(id -> null);
        }
    }

    @Override
    public void listen(Inbox handler) {
        this.inbox = handler;
        readNext();
    }

    @SuppressWarnings("unchecked")
    private void readNext() {
        if (closed) {
            return;
        }
        StatefulRedisConnection<String, byte[]> connection;
        try {
            connection = reader();
        } catch (StoreUnavailableException e) {
            retryLater();
            return;
        }
        connection.async().xread(XReadArgs.Builder.block(READ_BLOCK_MILLIS).count(READ_BATCH),
                        XReadArgs.StreamOffset.from(inboxKey, lastId))
                .whenComplete((messages, error) -> {
                    if (error != null) {
                        if (!closed) {
                            log.debug("inbox read failed: {}", error.getClass().getSimpleName());
                        }
                        retryLater();
                        return;
                    }
                    if (messages != null && !messages.isEmpty()) {
                        messages.forEach(this::deliver);
                        trimRead();
                    }
                    readNext();
                });
    }

    private void deliver(StreamMessage<String, byte[]> message) {
        lastId = message.getId();
        Map<String, byte[]> body = message.getBody();
        NodeId from = new NodeId(text(body.get("f")));
        long counter = Long.parseLong(text(body.get("n")));
        SenderOrder.Verdict verdict = order.accept(from, counter);
        if (verdict == SenderOrder.Verdict.SEEN) {
            return;
        }
        try {
            if (verdict == SenderOrder.Verdict.AFTER_GAP) {
                log.warn("messages from node {} to this node were lost", from);
                inbox.lost(from);
            }
            inbox.received(from, body.get("d"));
        } catch (RuntimeException e) {
            log.error("a node message could not be handled from={} error={}", from, e.getClass().getName(), e);
        }
    }

    /** What was read need not stay in Redis: it holds what people said. */
    private void trimRead() {
        int dash = lastId.indexOf('-');
        String next = lastId.substring(0, dash) + '-' + (Long.parseLong(lastId.substring(dash + 1)) + 1);
        try {
            redis.commands().xtrim(inboxKey, XTrimArgs.Builder.minId(next));
        } catch (StoreUnavailableException e) {
            // The next read's trim takes these too.
        }
    }

    private StatefulRedisConnection<String, byte[]> reader() {
        StatefulRedisConnection<String, byte[]> current = reader;
        if (current == null) {
            current = redis.connectDedicated();
            current.setTimeout(RedisStores.COMMAND_TIMEOUT.plusMillis(READ_BLOCK_MILLIS));
            reader = current;
        }
        return current;
    }

    private void retryLater() {
        if (!closed) {
            redis.scheduler().schedule(this::readNext, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A node that left for good: its counter here may go. Called on the reader's thread only. */
    void forget(NodeId node) {
        order.forget(node);
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, byte[]> current = reader;
        if (current != null) {
            current.close();
        }
    }
}
