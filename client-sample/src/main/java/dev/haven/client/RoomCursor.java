package dev.haven.client;

import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.ServerMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a {@link ReconnectingClient} is in one room: the last seq seen, so a rejoin asks with
 * {@code since} and nothing is shown twice; the seq and time of the newest message seen, to
 * recognise a restarted server; and, while a catch-up {@code join} is answered, the room's
 * events that arrive meanwhile, held so they follow the messages it brings. No message text is
 * kept beyond the events held. Used on the client's scheduler alone.
 */
final class RoomCursor {
    /** What to do with the reply to a catch-up {@code join}. */
    sealed interface Step {
    }

    /** The room admits by approval now: the client waits outside it. */
    record Waiting() implements Step {
    }

    /** The server restarted: the cursor starts again from 0; ask again for the whole new history. */
    record Restarted() implements Step {
    }

    /**
     * The server's {@code gap} may be about the one message asked for again to recognise a
     * restart, which was already seen: ask again with exactly the last seq seen.
     */
    record AskExactly(long since) implements Step {
    }

    /** Caught up: the messages not seen before, oldest first, and whether some are no longer held. */
    record Done(List<MessageEvent> missed, boolean gap) implements Step {
    }

    private final String room;
    private boolean acceptGuidelines;
    /** The version of the guidelines the owner accepted by name, or null when its joins named none. */
    private Integer guidelinesVersion;
    /** The server said ok to a join; until then the room's first join is still being answered. */
    private boolean joined;
    private long lastSeq;
    private long newestSeq;
    private long newestTs;
    /** Events held while a catch-up is answered; null when none is. */
    private List<ServerMessage> held;

    RoomCursor(String room, boolean acceptGuidelines) {
        this.room = room;
        this.acceptGuidelines = acceptGuidelines;
    }

    String room() {
        return room;
    }

    boolean acceptGuidelines() {
        return acceptGuidelines;
    }

    boolean joined() {
        return joined;
    }

    Integer guidelinesVersion() {
        return guidelinesVersion;
    }

    void guidelinesVersion(int version) {
        guidelinesVersion = version;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The owner's own join was answered: from now on the room is rejoined after a reconnect. */
    void joined(JoinResult reply, boolean accepted) {
        joined = true;
        acceptGuidelines = accepted;
        for (MessageEvent message : history(reply)) {
            accept(message);
        }
        lastSeq = Math.max(lastSeq, reply.seq() == null ? 0 : reply.seq());
    }

    /** @return true for a message not seen before (its seq is past the last one seen) */
    boolean accept(MessageEvent message) {
        if (message.seq() <= lastSeq) {
            return false;
        }
        lastSeq = message.seq();
        newestSeq = message.seq();
        newestTs = message.ts();
        return true;
    }

    /** A live message that skips seq numbers: the ones between were missed on this connection. */
    boolean isHole(MessageEvent message) {
        return joined && held == null && lastSeq > 0 && message.seq() > lastSeq + 1;
    }

    /**
     * The {@code since} of a rejoin: one before the newest message seen, so that message comes
     * back and shows whether the server still holds the same history; the last seq seen when no
     * message was.
     */
    long rejoinSince() {
        return newestSeq > 0 ? newestSeq - 1 : lastSeq;
    }

    void startCatchUp() {
        held = new ArrayList<>();
    }

    boolean catchingUp() {
        return held != null;
    }

    void hold(ServerMessage event) {
        held.add(event);
    }

    /** @return the events held meanwhile, in arrival order */
    List<ServerMessage> endCatchUp() {
        List<ServerMessage> events = held == null ? List.of() : held;
        held = null;
        return events;
    }

    /** The connection ended: a catch-up under way will not be answered, and the next rejoin brings what was held again. */
    void connectionLost() {
        held = null;
    }

    /**
     * Reads the reply to a catch-up {@code join} and, when caught up, moves past the messages it brings.
     *
     * @param askedSince   the {@code since} the join gave
     * @param checkRestart whether to look for signs of a restarted server (after a reconnect)
     */
    Step examine(JoinResult reply, long askedSince, boolean checkRestart) {
        if (Boolean.TRUE.equals(reply.waiting())) {
            return new Waiting();
        }
        long seq = reply.seq() == null ? 0 : reply.seq();
        List<MessageEvent> history = history(reply);
        if (checkRestart && restarted(seq, history)) {
            lastSeq = 0;
            newestSeq = 0;
            newestTs = 0;
            return new Restarted();
        }
        boolean gap = Boolean.TRUE.equals(reply.gap());
        if (gap && askedSince < lastSeq) {
            return new AskExactly(lastSeq);
        }
        List<MessageEvent> missed = new ArrayList<>();
        for (MessageEvent message : history) {
            if (accept(message)) {
                missed.add(message);
            }
        }
        lastSeq = Math.max(lastSeq, seq);
        return new Done(missed, gap);
    }

    /**
     * A room's seq never goes back on one server, and a held message never changes its time:
     * either seen means the history began again.
     */
    private boolean restarted(long seq, List<MessageEvent> history) {
        if (seq < lastSeq) {
            return true;
        }
        return newestSeq > 0 && history.stream().anyMatch(m -> m.seq() == newestSeq && m.ts() != newestTs);
    }

    /** The held messages of a reply, oldest first. */
    private static List<MessageEvent> history(JoinResult reply) {
        if (reply.history() == null) {
            return List.of();
        }
        return reply.history().stream().sorted(Comparator.comparingLong(MessageEvent::seq)).toList();
    }
}
