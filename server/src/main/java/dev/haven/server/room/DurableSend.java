package dev.haven.server.room;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.care.detect.Detection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's send path when its messages must be durable first ({@link MessageJournal}): a
 * message is <i>accepted</i> in the room's task (its checks passed, its seq assigned), appended,
 * and <i>delivered</i> (held, broadcast, answered {@code ok}) only once the append returned. An
 * {@code ok} therefore always means the message is in the journal.
 *
 * <p><b>One order.</b> Appends are issued in seq order and their completions come back to the
 * room's executor as tasks; whatever order those run in, messages are delivered from the head of
 * {@link #pending} only, so in seq order. The room's {@code seq} is the last <i>delivered</i>
 * seq (what a {@code join} reports), {@link #assigned} the last one given out.
 *
 * <p><b>When the journal's answer is unknown</b> (the store did not answer in time, or answered
 * that the seq was not the next one), the room stops accepting messages and reads the journal
 * back after its last delivered seq: every message found there was accepted, and is delivered
 * now (its sender answered {@code ok}); every pending one not found is answered
 * {@code unavailable}, and its retry (same {@code clientId}) is a new message, or, when it did
 * land, {@code ok {duplicate: true}} from the room's history. So "accepted" and "delivered"
 * never part. Until the read-back succeeds, sends are answered {@code unavailable}; it is tried
 * again every {@link #READ_BACK_RETRY} meanwhile.
 *
 * <p>Used on the room's executor alone.
 */
final class DurableSend {
    private static final Logger log = LoggerFactory.getLogger(DurableSend.class);
    static final int MAX_PENDING = 1024;
    static final Duration READ_BACK_RETRY = Duration.ofSeconds(1);
    static final long RETRY_AFTER_MILLIS = 1000;

    private final Room room;
    private final MessageJournal journal;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long assigned;
    /** An append's fate is unknown: nothing more is accepted until the journal was read back. */
    private boolean uncertain;
    private boolean readingBack;
    /** The journal refused this room for good (another node owns it now). */
    private boolean lost;
    /** Pending messages up to this seq were purged with the session: answered, never delivered. */
    private long purgedThrough;

    /** One accepted message waiting for its append. */
    private static final class Pending {
        final MessageEvent message;
        final Detection detection;
        final long received;
        final String requestId;
        final Consumer<ServerMessage> reply;
        MessageJournal.Appended outcome;
        boolean answered;

        Pending(MessageEvent message, Detection detection, long received, String requestId,
                Consumer<ServerMessage> reply) {
            this.message = message;
            this.detection = detection;
            this.received = received;
            this.requestId = requestId;
            this.reply = reply;
        }

        void answer(ServerMessage answer) {
            if (!answered) {
                answered = true;
                reply.accept(answer);
            }
        }
    }

    DurableSend(Room room, MessageJournal journal) {
        this.room = room;
        this.journal = journal;
        this.assigned = room.seq;
        room.history.onForget(new MessageHistory.Forgetting() {
            @Override
            public void deleted(long seq) {
                journal.deleted(seq);
            }

            @Override
            public void purged() {
                purgedThrough = assigned;
                journal.purged(assigned);
            }
        });
    }

    /** The seq the next accepted message gets. */
    long nextSeq() {
        return assigned + 1;
    }

    /**
     * Appends an accepted message; it is answered and delivered when the append returns.
     *
     * @return a refusal to answer now, or null when the reply comes later
     */
    ServerMessage accept(MessageEvent message, Detection detection, long received, String requestId,
                         Consumer<ServerMessage> reply) {
        if (lost) {
            return unavailable(requestId);
        }
        if (uncertain || pending.size() >= MAX_PENDING) {
            readBack();
            return unavailable(requestId);
        }
        assigned = message.seq();
        Pending p = new Pending(message, detection, received, requestId, reply);
        pending.addLast(p);
        journal.append(message).whenComplete((appended, error) -> room.run(() -> completed(p,
                error == null ? appended : new MessageJournal.Appended(MessageJournal.Outcome.UNCERTAIN, 0))));
        return null;
    }

    private void completed(Pending p, MessageJournal.Appended outcome) {
        if (p.answered) {
            return;
        }
        p.outcome = outcome;
        drain();
    }

    private void drain() {
        while (!pending.isEmpty() && !uncertain) {
            Pending head = pending.peekFirst();
            if (head.outcome == null) {
                return;
            }
            switch (head.outcome.outcome()) {
                case APPENDED -> {
                    pending.removeFirst();
                    deliver(head.message, head.detection, head.received);
                    head.answer(new Ok(head.requestId, new SendResult(head.message.seq())));
                }
                case DUPLICATE -> {
                    // The journal knew this clientId although the room's history had forgotten it; the seq
                    // assigned to it was not used, so the appends after it fail: read back.
                    pending.removeFirst();
                    head.answer(new Ok(head.requestId, SendResult.duplicateOf(head.outcome.seq())));
                    uncertain = true;
                    readBack();
                }
                case UNCERTAIN -> {
                    uncertain = true;
                    readBack();
                }
                case LOST -> {
                    lost = true;
                    log.info("room {} is no longer written by this node: pending messages answered unavailable", room.id());
                    pending.forEach(p -> p.answer(unavailable(p.requestId)));
                    pending.clear();
                }
            }
        }
    }

    private void deliver(MessageEvent message, Detection detection, long received) {
        room.seq = Math.max(room.seq, message.seq());
        if (message.seq() > purgedThrough) {
            room.delivered(message, detection, received);
        }
    }

    /** Reads the journal after the last delivered seq; the appends issued before are done by then. */
    private void readBack() {
        if (readingBack || lost) {
            return;
        }
        readingBack = true;
        long after = room.seq;
        journal.after(after).whenComplete((tail, error) -> room.run(() -> readBackDone(after, tail, error)));
    }

    private void readBackDone(long after, MessageJournal.Tail tail, Throwable error) {
        readingBack = false;
        if (lost) {
            return;
        }
        if (error != null || tail == null) {
            // Those still waiting hear so; their retries come back here once the journal answers.
            pending.removeIf(p -> {
                if (p.outcome != null) {
                    p.answer(unavailable(p.requestId));
                    return true;
                }
                return false;
            });
            room.executor.schedule(this::readBack, READ_BACK_RETRY);
            return;
        }
        Map<Long, Pending> bySeq = new HashMap<>();
        pending.forEach(p -> bySeq.put(p.message.seq(), p));
        int found = 0;
        for (MessageEvent message : tail.messages()) {
            if (message.seq() <= room.seq) {
                continue;
            }
            Pending p = bySeq.get(message.seq());
            boolean same = p != null && p.message.from().id().equals(message.from().id()) && p.message.ts() == message.ts();
            deliver(message, same ? p.detection : Detection.NONE, same ? p.received : System.nanoTime());
            if (same) {
                p.answer(new Ok(p.requestId, new SendResult(message.seq())));
            }
            found++;
        }
        int refused = 0;
        for (Pending p : pending) {
            if (!p.answered) {
                p.answer(unavailable(p.requestId));
                refused++;
            }
        }
        pending.clear();
        room.seq = Math.max(room.seq, tail.seq());
        assigned = room.seq;
        uncertain = false;
        log.info("room {} read its log back after seq {}: {} delivered, {} answered unavailable", room.id(), after,
                found, refused);
    }

    /** Trims the journal's copy by age, as the room's own history is trimmed. */
    void trim(long nowMillis) {
        if (!lost) {
            journal.trim(nowMillis);
        }
    }

    private static ErrorReply unavailable(String requestId) {
        return new ErrorReply(requestId, ErrorCode.UNAVAILABLE, "the message could not be stored right now; "
                + "send it again with the same clientId", RETRY_AFTER_MILLIS);
    }
}
