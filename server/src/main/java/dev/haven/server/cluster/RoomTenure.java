package dev.haven.server.cluster;

import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.Session;
import dev.haven.server.room.Room;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One tenure of this node as a room's owner, from the claim of its lease (one epoch) to the
 * step-down: the {@link Room} built for it from the store ({@link #ready} once loaded), on an
 * executor that stops with the tenure, the connections of other nodes in the room
 * ({@link RemoteSession}s, which carry this tenure's epoch) and this node's own. A room's next
 * tenure, here or on another node, is a new {@code Room}: nothing of this one acts after it.
 * A request given to the room and not yet answered when the tenure ends (its task did not run,
 * or its message waits for the log) is answered {@code unavailable}: the client tries again with
 * the same clientId, and the next tenure answers from the log ({@code duplicate} if it landed).
 *
 * <p><b>Threading.</b> Built and ended by the cluster's threads; read by connections' threads
 * and the inbox. The maps are concurrent; {@link #ready} completes once.
 */
final class RoomTenure {
    final Lease lease;
    final CompletableFuture<Room> ready = new CompletableFuture<>();
    private final Map<RemoteKey, RemoteSession> remote = new ConcurrentHashMap<>();
    /** This node's connections that joined the room in this tenure. */
    private final Set<Session> local = ConcurrentHashMap.newKeySet();
    private volatile TenureExecutor executor;
    private volatile ClusterJournal journal;
    private final Function<String, ServerMessage> refusal;
    private final Set<Answer> unanswered = ConcurrentHashMap.newKeySet();
    private volatile boolean over;

    private record RemoteKey(NodeId node, long conn) {
    }

    /** @param refusal the answer, for a request id, to a request this tenure ended without answering */
    RoomTenure(Lease lease, Function<String, ServerMessage> refusal) {
        this.lease = lease;
        this.refusal = refusal;
    }

    /**
     * {@code reply}, answered once: by the room, or with the refusal if the tenure ends first.
     * Give the room this in place of {@code reply}.
     */
    Consumer<ServerMessage> answering(String requestId, Consumer<ServerMessage> reply) {
        Answer answer = new Answer(requestId, reply);
        unanswered.add(answer);
        if (over) {
            answer.refuse();
        }
        return answer;
    }

    /** One request's reply: whichever of the room and the end of the tenure comes first answers. */
    private final class Answer implements Consumer<ServerMessage> {
        private final String requestId;
        private final Consumer<ServerMessage> reply;
        private final AtomicBoolean answered = new AtomicBoolean();

        Answer(String requestId, Consumer<ServerMessage> reply) {
            this.requestId = requestId;
            this.reply = reply;
        }

        @Override
        public void accept(ServerMessage message) {
            if (answered.compareAndSet(false, true)) {
                unanswered.remove(this);
                reply.accept(message);
            }
        }

        void refuse() {
            accept(refusal.apply(requestId));
        }
    }

    long epoch() {
        return lease.epoch();
    }

    /** The room, once loaded; null before. */
    Room room() {
        return ready.isDone() && !ready.isCompletedExceptionally() ? ready.join() : null;
    }

    void bind(TenureExecutor executor, ClusterJournal journal) {
        this.executor = executor;
        this.journal = journal;
    }

    /** The last seq this tenure knows the room reached; 0 before it was loaded. */
    long lastSeq() {
        ClusterJournal current = journal;
        return current == null ? 0 : current.lastAppended();
    }

    /** A connection of another node, as this tenure's room knows it. */
    RemoteSession remote(NodeId node, long conn, Identity identity, String remoteAddress, NodeOutbox outbox) {
        return remote.computeIfAbsent(new RemoteKey(node, conn),
                key -> new RemoteSession(lease.room(), lease.epoch(), node, conn, identity, remoteAddress, outbox));
    }

    /** That connection left the room (its leave was answered). */
    void remoteLeft(RemoteSession session) {
        remote.remove(new RemoteKey(session.node(), session.conn()), session);
    }

    /** That connection is gone: the room hears of it. */
    void remoteGone(NodeId node, long conn) {
        RemoteSession session = remote.remove(new RemoteKey(node, conn));
        if (session != null) {
            ready.thenAccept(room -> room.disconnect(session));
        }
    }

    /** A node is gone: its connections leave the room, as lost connections do. */
    void nodeGone(NodeId node) {
        remote.entrySet().removeIf(entry -> {
            if (entry.getKey().node().equals(node)) {
                ready.thenAccept(room -> room.disconnect(entry.getValue()));
                return true;
            }
            return false;
        });
    }

    void joinedHere(Session session) {
        local.add(session);
    }

    void leftHere(Session session) {
        local.remove(session);
    }

    /**
     * Stops the tenure after what its room is doing now: the room takes no more tasks. Completes
     * on the room's thread (at once when the room is still loading).
     */
    CompletableFuture<Void> stop() {
        TenureExecutor current = executor;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        current.endAfter(() -> stopped.complete(null));
        return stopped;
    }

    /**
     * The tenure is over: nothing of it runs or reaches anyone any more.
     *
     * @return this node's connections that were in the room
     */
    Set<Session> end() {
        TenureExecutor current = executor;
        if (current != null) {
            current.end();
        }
        remote.values().forEach(RemoteSession::end);
        remote.clear();
        ready.completeExceptionally(new FencedException(lease.room()));
        // After the executor ended, so that the room answers none of these itself any more.
        over = true;
        List.copyOf(unanswered).forEach(Answer::refuse);
        Set<Session> here = Set.copyOf(local);
        local.clear();
        return here;
    }
}
