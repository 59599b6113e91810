package dev.haven.server.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's heartbeat, and what it learns from each: which nodes are alive. A node that
 * stops beating is gone within its time to live; then {@code gone} is told, so that a room's
 * owner can take the members connected to it out of the room (the presence TTL of
 * {@code docs/architecture.md}: at most the time to live plus one beat).
 *
 * <p><b>Threading.</b> Beats run on the scheduler given to {@link #start}, or on the caller's
 * thread with {@link #beat}; {@link #current} is a volatile snapshot, readable anywhere.
 */
public final class LiveNodes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);

    private final NodeDirectory directory;
    private final NodeId self;
    private final Duration ttl;
    private final Consumer<Set<NodeId>> gone;
    private final Supplier<Set<NodeId>> watched;
    private volatile Set<NodeId> current = Set.of();
    private volatile ScheduledFuture<?> beats;

    /**
     * @param ttl     how long a node that stopped beating still counts as alive
     * @param watched the nodes the caller deals with now (those it has sent to), which count as
     *                gone when not alive even if no beat of this node ever saw them alive
     * @param gone    told, on the beating thread, of the nodes that were alive at the last beat, or
     *                watched, and are not alive now
     */
    public LiveNodes(NodeDirectory directory, NodeId self, Duration ttl, Supplier<Set<NodeId>> watched,
                     Consumer<Set<NodeId>> gone) {
        this.directory = directory;
        this.self = self;
        this.ttl = ttl;
        this.watched = watched;
        this.gone = gone;
    }

    /** The nodes alive at the last beat (this one among them once it has beaten). */
    public Set<NodeId> current() {
        return current;
    }

    public void start(ScheduledExecutorService scheduler) {
        beats = Periodic.every(scheduler, ttl.dividedBy(3), Duration.ZERO, ttl, this::beat, log, "heartbeat");
    }

    /** One beat: says this node is alive, learns who else is, and tells who left. */
    public CompletableFuture<Set<NodeId>> beat() {
        return directory.beat(self, ttl).thenApply(live -> {
            Set<NodeId> left = new HashSet<>(current);
            left.addAll(watched.get());
            left.removeAll(live);
            current = live;
            if (!left.isEmpty()) {
                log.info("nodes gone: {}", left);
                gone.accept(Set.copyOf(left));
            }
            return live;
        });
    }

    /** Stops beating and says this node is gone, so that others need not wait for its time to live. */
    public CompletableFuture<Void> leave() {
        close();
        return directory.leave(self);
    }

    @Override
    public void close() {
        ScheduledFuture<?> current = beats;
        if (current != null) {
            current.cancel(false);
        }
    }
}
