package dev.haven.server.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A room's accepted messages, held in the shared store: the durable side of its history. The
 * room's owner appends each message with the next {@code seq} before it answers {@code ok} or
 * delivers it to anyone, so an accepted message survives the owner; any node reads it for
 * catch-up, and a new owner loads it. Held in memory only, bounded in count and age like the
 * room's own history ({@code history.maxMessages}, {@code history.maxAgeSeconds}); a purge
 * deletes it. Writes are fenced by the owner's {@link Lease} and fail with
 * {@link FencedException} once it no longer holds the room; every call fails with
 * {@link StoreUnavailableException} while the store is unreachable.
 */
public interface RoomLog {
    /**
     * The new owner opens the room's log, creating it when the store has none, continuing
     * after {@code floorSeq} (the last seq the caller knows of, 0 when it knows none).
     */
    CompletableFuture<Opened> open(Lease lease, long floorSeq);

    /** Appends the message that comes right after the last one. */
    CompletableFuture<Appended> append(Lease lease, Entry entry);

    /** The held messages after {@code afterSeq}, oldest first; empty when the store has no log for the room. */
    CompletableFuture<Optional<Held>> read(String room, long afterSeq);

    /** Deletes one held message (not a gap for catch-up). @return whether it was held */
    CompletableFuture<Boolean> delete(Lease lease, long seq);

    /**
     * Deletes every held message up to {@code throughSeq} (a session's close: what it held, and
     * not a message accepted after); the seq goes on, and catch-up from before finds no gap.
     */
    CompletableFuture<Void> purge(Lease lease, long throughSeq);

    /** Drops messages older than the age bound at {@code nowMillis}. @return the highest seq dropped, or 0 */
    CompletableFuture<Long> trim(Lease lease, long nowMillis);

    /**
     * One accepted message.
     *
     * @param clientId the sender's id for the message, or null; a second append with the same
     *                 user and clientId while the first is held is a {@link Appended#duplicate}
     * @param ts       when it was accepted, by the owner's clock; the age bound counts from it
     * @param event    the encoded {@code message} event, as members receive it
     */
    record Entry(long seq, String userId, String clientId, long ts, byte[] event) {
    }

    /**
     * @param seq     the last seq appended
     * @param epoch   changes when the store lost the log and it was made again
     * @param created whether this open made the log
     */
    record Opened(long seq, String epoch, boolean created) {
    }

    /** What became of an append. */
    record Appended(Outcome outcome, long seq) {
        public boolean duplicate() {
            return outcome == Outcome.DUPLICATE;
        }
    }

    enum Outcome {
        /** Appended with {@code seq}. */
        APPENDED,
        /** The same user's same clientId is held already, with {@code seq}. */
        DUPLICATE,
        /** The seq was not the next one: {@code seq} is the last appended. The caller's view is stale. */
        CONFLICT,
        /** The store has no log for the room (it lost its data): open it again. */
        MISSING
    }

    /**
     * @param seq            the last seq appended
     * @param trimmedThrough the highest seq the bounds dropped: catch-up from before it has a gap
     */
    record Held(long seq, long trimmedThrough, String epoch, List<Entry> entries) {
        /** Whether messages after {@code since} were dropped by the bounds (the join's {@code gap}). */
        public boolean gapAfter(long since) {
            return since < trimmedThrough;
        }
    }
}
