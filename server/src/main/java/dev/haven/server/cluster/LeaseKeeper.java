package dev.haven.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms this node owns: claims them, renews every lease a third of its time to live, and
 * says when one is lost.
 *
 * <p><b>Fencing by time, on this side too.</b> Redis refuses a lapsed lease's writes, but the
 * owner must also stop acting (delivering, firing timers) before another node can have taken
 * the room. So {@link #valid} counts the lease as held only until the time to live, less a
 * tenth for the two clocks' drift, measured from when the claim or the renewal was <i>sent</i>:
 * Redis started its time to live later than that, so this node's view ends first.
 *
 * <p><b>Threading.</b> The leases are in a concurrent map, read from any thread (rooms ask
 * {@link #valid} on theirs). Renewals run on the scheduler given to {@link #start}, or on the
 * caller's thread with {@link #renewAll}, as tests do with a clock they move.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final RoomLease leases;
    private final NodeId node;
    private final Clock clock;
    private final Duration ttl;
    private final long validMillis;
    private final Consumer<Lease> lost;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> renewals;

    private record Held(Lease lease, long validUntil) {
    }

    /**
     * @param ttl  each lease's time to live in the store; another node takes a dead owner's room
     *             within about this time
     * @param lost told, on an arbitrary thread, of each lease that this node no longer holds
     */
    public LeaseKeeper(RoomLease leases, NodeId node, Clock clock, Duration ttl, Consumer<Lease> lost) {
        this.leases = leases;
        this.node = node;
        this.clock = clock;
        this.ttl = ttl;
        this.validMillis = ttl.toMillis() - ttl.toMillis() / 10;
        this.lost = lost;
    }

    public NodeId node() {
        return node;
    }

    /** Claims the room if nobody holds it: the lease, or empty when another node does. */
    public CompletableFuture<Optional<Lease>> claim(String room) {
        long sent = clock.millis();
        return leases.acquire(room, node, ttl).thenApply(claimed -> {
            claimed.ifPresent(lease -> held.put(room, new Held(lease, sent + validMillis)));
            return claimed;
        });
    }

    /** This node's lease on the room if it still holds it now, by its own clock; else null. */
    public Lease valid(String room) {
        Held h = held.get(room);
        return h != null && clock.millis() < h.validUntil ? h.lease : null;
    }

    /** Every room this node holds a lease on. */
    public List<Lease> held() {
        List<Lease> all = new ArrayList<>();
        held.values().forEach(h -> all.add(h.lease));
        return all;
    }

    /** Renews every lease every third of the time to live, on the scheduler. */
    public void start(ScheduledExecutorService scheduler) {
        Duration period = ttl.dividedBy(3);
        renewals = Periodic.every(scheduler, period, period, ttl, this::renewAll, log, "lease renewal round");
    }

    /**
     * Renews every lease once. A lease the store says is gone is lost at once; one the store
     * cannot be asked about is kept while it is still valid by this node's clock, and lost after.
     */
    public CompletableFuture<Void> renewAll() {
        List<CompletableFuture<Void>> rounds = new ArrayList<>();
        for (Held h : held.values()) {
            long sent = clock.millis();
            rounds.add(leases.renew(h.lease, ttl).handle((renewed, error) -> {
                if (error == null && renewed) {
                    held.replace(h.lease.room(), h, new Held(h.lease, sent + validMillis));
                } else if (error == null || clock.millis() >= h.validUntil) {
                    drop(h);
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new));
    }

    /** Gives one room up (its owner is stopping, or hands it over). */
    public CompletableFuture<Boolean> release(String room) {
        Held h = held.remove(room);
        return h == null ? CompletableFuture.completedFuture(false) : leases.release(h.lease);
    }

    /** Gives up this very lease, if it is still held (not a newer lease on the same room). */
    public CompletableFuture<Boolean> release(Lease lease) {
        Held h = held.get(lease.room());
        if (h != null && h.lease.equals(lease)) {
            held.remove(lease.room(), h);
        }
        return leases.release(lease);
    }

    /** Gives every room up, so other nodes claim them at once: SIGTERM. */
    public CompletableFuture<Void> releaseAll() {
        List<CompletableFuture<Boolean>> releases = new ArrayList<>();
        for (String room : List.copyOf(held.keySet())) {
            releases.add(release(room).exceptionally(error -> false));
        }
        return CompletableFuture.allOf(releases.toArray(CompletableFuture[]::new));
    }

    private void drop(Held h) {
        if (held.remove(h.lease.room(), h)) {
            log.warn("lost the lease on room {} (epoch {})", h.lease.room(), h.lease.epoch());
            lost.accept(h.lease);
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> current = renewals;
        if (current != null) {
            current.cancel(false);
        }
    }
}
