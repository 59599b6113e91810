package dev.haven.server.room;

import dev.haven.protocol.server.MessageEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where a room's accepted messages become durable before anyone sees them: on a node of a
 * cluster, the room's log in the shared store (written by the room's owner, fenced by its
 * lease). A lone server has none, and its rooms deliver a message in the task that accepts it.
 * With a journal, the room answers {@code ok} and delivers only once the append returned
 * ({@link DurableSend}). Futures complete on any thread; the room hops back to its executor.
 */
public interface MessageJournal {
    /** Appends the message that comes right after the last one appended. */
    CompletableFuture<Appended> append(MessageEvent message);

    /** What the journal holds after {@code seq}: for a room that no longer knows whether its last appends landed. */
    CompletableFuture<Tail> after(long seq);

    /** A message was deleted: it goes from the journal too. Retried until done or the room is no longer owned. */
    void deleted(long seq);

    /** The held messages through {@code seq} were purged (a session's close): they go from the journal too. */
    void purged(long throughSeq);

    /** Drops what outlived the history's age bound without waiting for the next message. */
    void trim(long nowMillis);

    /** What became of an append. */
    enum Outcome {
        /** Durable with its seq: deliver it and answer {@code ok}. */
        APPENDED,
        /** The journal holds the same user's same clientId already, with {@link Appended#seq}; nothing was appended. */
        DUPLICATE,
        /** It may or may not have landed (the store did not answer, or the room's view of the seq was stale): read back. */
        UNCERTAIN,
        /** The room is no longer this node's to write: nothing was appended, and it never will be. */
        LOST
    }

    /** @param seq for {@link Outcome#DUPLICATE}, the first message's seq; else the message's own */
    record Appended(Outcome outcome, long seq) {
    }

    /** @param seq the last seq the journal holds; {@code messages} the held ones after the asked seq, oldest first */
    record Tail(long seq, List<MessageEvent> messages) {
    }
}
