package dev.haven.server.cluster;

import java.util.concurrent.CompletableFuture;

/**
 * Ordered messages from node to node: requests forwarded to a room's owner, their replies,
 * and the room's events for members connected elsewhere. Each node has one inbox, read in
 * order; what one node sends to another arrives in the order it was sent, at most once.
 */
public interface NodeBus extends AutoCloseable {
    /** The node this bus sends from and whose inbox it reads. */
    NodeId self();

    /**
     * Appends to {@code to}'s inbox after everything this node sent there before. Fails with
     * {@link StoreUnavailableException} when the store is unreachable; then the receiver will
     * see a gap ({@link Inbox#lost}) if a later message does arrive.
     */
    CompletableFuture<Void> send(NodeId to, byte[] payload);

    /** Starts reading this node's inbox; the inbox is called on one thread at a time, in order. */
    void listen(Inbox inbox);

    @Override
    void close();

    /** What arrives in a node's inbox. */
    interface Inbox {
        void received(NodeId from, byte[] payload);

        /**
         * Messages from {@code from} were lost (the store failed while they were sent, or the inbox
         * was trimmed before they were read). Called before the next message from it that did
         * arrive: whatever that sender's messages keep in step must be made whole again.
         */
        void lost(NodeId from);
    }
}
