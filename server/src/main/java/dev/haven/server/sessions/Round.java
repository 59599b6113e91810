package dev.haven.server.sessions;

import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.model.RoundState;
import dev.haven.protocol.server.RoundEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One round: each member present takes a turn in order, time-boxed, one speaker at a time.
 * A turn ends when the speaker says it is done, passes, runs out of time or leaves; nothing
 * about the round tells others which it was. Members who join meanwhile are added at the end
 * of the queue unless they already had their turn; members who leave are skipped. While the
 * room has no facilitator the round is paused and what is left of the turn is kept.
 *
 * <p>Used on the room's thread alone; its timers run there too.
 */
public final class Round {
    /** The turn warning comes this long before a turn ends, or a quarter of the turn when that is less. */
    static final Duration WARNING_LEAD = Duration.ofSeconds(15);

    /** What the room does when the round changes. */
    public interface Listener {
        /** The round changed (a new speaker, the queue, the time, its state); the room tells everyone. */
        void changed(Round round);

        /** The speaker's time is nearly up; only the speaker is told. */
        void turnWarning(String speaker, long turnEndsAt);
    }

    /** The answer to a speaker's request. */
    public enum Outcome { DONE, NOT_YOUR_TURN, PAUSED, PASS_NOT_ALLOWED }

    /** How a round is set up. */
    public record Setup(String roundId, RoundKind kind, String prompt, Duration turn, RoundOrder order,
                        boolean allowPass, boolean talkingStick) {
    }

    private final Setup setup;
    private final Clock clock;
    private final Timers timers;
    private final Listener listener;
    private final Deque<String> queue;
    private final Set<String> hadTurn = new HashSet<>();
    private RoundState state = RoundState.RUNNING;
    private String speaker;
    private Long turnEndsAt;
    private long remainingMs;
    private Runnable cancelTimeout;
    private Runnable cancelWarning;

    private Round(Setup setup, List<String> members, Clock clock, Timers timers, Listener listener) {
        this.setup = setup;
        this.clock = clock;
        this.timers = timers;
        this.listener = listener;
        this.queue = new ArrayDeque<>(members);
    }

    /**
     * Starts a round with the first member's turn and tells the listener.
     *
     * @param members the members present, in the order they joined; facilitators left out
     * @param random  shuffles them for {@code random} order
     * @throws IllegalArgumentException when there is nobody to take a turn
     */
    public static Round start(Setup setup, List<String> members, Random random, Clock clock, Timers timers,
                              Listener listener) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("nobody to take a turn");
        }
        List<String> order = new ArrayList<>(members);
        if (setup.order() == RoundOrder.RANDOM) {
            Collections.shuffle(order, random);
        }
        Round round = new Round(setup, order, clock, timers, listener);
        round.nextSpeaker();
        return round;
    }

    public String roundId() {
        return setup.roundId();
    }

    public RoundState state() {
        return state;
    }

    public String speaker() {
        return speaker;
    }

    public List<String> queue() {
        return List.copyOf(queue);
    }

    public boolean isOver() {
        return state == RoundState.ENDED;
    }

    /** Whether this member may send now: always, unless a talking stick is held by someone else. */
    public boolean mayTalk(String userId) {
        return !setup.talkingStick() || state != RoundState.RUNNING || userId.equals(speaker);
    }

    /** Whether this member is the speaker of a running round, and so has the floor. */
    public boolean isSpeaking(String userId) {
        return state == RoundState.RUNNING && userId.equals(speaker);
    }

    /** The speaker ends its turn ({@code turn_done}) or passes ({@code pass}); both look the same to others. */
    public Outcome endTurn(String userId, boolean pass) {
        if (state == RoundState.PAUSED) {
            return Outcome.PAUSED;
        }
        if (state != RoundState.RUNNING || !userId.equals(speaker)) {
            return Outcome.NOT_YOUR_TURN;
        }
        if (pass && !setup.allowPass()) {
            return Outcome.PASS_NOT_ALLOWED;
        }
        hadTurn.add(speaker);
        nextSpeaker();
        return Outcome.DONE;
    }

    /** A facilitator moves the turn on, as if the speaker's time were up; false when no turn is running. */
    public boolean skip() {
        if (state != RoundState.RUNNING || speaker == null) {
            return false;
        }
        hadTurn.add(speaker);
        nextSpeaker();
        return true;
    }

    /** More time for the speaker of a running round; false when there is none. */
    public boolean extend(Duration more) {
        if (state != RoundState.RUNNING || speaker == null) {
            return false;
        }
        turnEndsAt += more.toMillis();
        scheduleTurnTimers(turnEndsAt - clock.millis());
        listener.changed(this);
        return true;
    }

    /** A member came into the room: it goes to the end of the queue, unless it had its turn already. */
    public void joined(String userId) {
        if (state == RoundState.ENDED || userId.equals(speaker) || queue.contains(userId) || hadTurn.contains(userId)) {
            return;
        }
        queue.addLast(userId);
        listener.changed(this);
    }

    /** A member left the room: skipped if still to speak; if speaking, the next turn begins. */
    public void left(String userId) {
        if (state == RoundState.ENDED) {
            return;
        }
        if (userId.equals(speaker)) {
            if (state == RoundState.PAUSED) {
                speaker = queue.pollFirst();
                remainingMs = setup.turn().toMillis();
                if (speaker == null) {
                    end();
                    return;
                }
                listener.changed(this);
            } else {
                nextSpeaker();
            }
        } else if (queue.remove(userId)) {
            listener.changed(this);
        }
    }

    /** The room lost its facilitators: the clock of the turn stops. */
    public void pause() {
        if (state != RoundState.RUNNING) {
            return;
        }
        remainingMs = Math.max(0, turnEndsAt - clock.millis());
        cancelTimers();
        turnEndsAt = null;
        state = RoundState.PAUSED;
        listener.changed(this);
    }

    /** A facilitator is back: the turn goes on with the time it had left. */
    public void resume() {
        if (state != RoundState.PAUSED) {
            return;
        }
        state = RoundState.RUNNING;
        turnEndsAt = clock.millis() + remainingMs;
        scheduleTurnTimers(remainingMs);
        listener.changed(this);
    }

    /** Ends the round now and tells the listener. */
    public void end() {
        if (state == RoundState.ENDED) {
            return;
        }
        cancelTimers();
        state = RoundState.ENDED;
        speaker = null;
        queue.clear();
        turnEndsAt = null;
        listener.changed(this);
    }

    /** Stops the timers without telling anyone: the session is being purged. */
    public void discard() {
        cancelTimers();
        state = RoundState.ENDED;
        queue.clear();
        hadTurn.clear();
        speaker = null;
    }

    public RoundEvent event(String roomId) {
        return new RoundEvent(roomId, setup.roundId(), setup.kind(), setup.prompt(), speaker, List.copyOf(queue),
                turnEndsAt, state, state == RoundState.PAUSED ? remainingMs : null,
                (int) setup.turn().toSeconds(), setup.order(), setup.allowPass(), setup.talkingStick());
    }

    private void nextSpeaker() {
        cancelTimers();
        speaker = queue.pollFirst();
        if (speaker == null) {
            turnEndsAt = null;
            end();
            return;
        }
        long turn = setup.turn().toMillis();
        turnEndsAt = clock.millis() + turn;
        scheduleTurnTimers(turn);
        listener.changed(this);
    }

    private void timeUp() {
        cancelTimeout = null;
        if (state == RoundState.RUNNING && speaker != null) {
            hadTurn.add(speaker);
            nextSpeaker();
        }
    }

    private void scheduleTurnTimers(long remaining) {
        cancelTimers();
        String turnOf = speaker;
        long endsAt = turnEndsAt;
        long lead = Math.min(WARNING_LEAD.toMillis(), setup.turn().toMillis() / 4);
        cancelWarning = timers.schedule(() -> {
            cancelWarning = null;
            if (turnOf.equals(speaker) && state == RoundState.RUNNING) {
                listener.turnWarning(turnOf, endsAt);
            }
        }, Duration.ofMillis(Math.max(0, remaining - lead)));
        cancelTimeout = timers.schedule(this::timeUp, Duration.ofMillis(Math.max(0, remaining)));
    }

    private void cancelTimers() {
        if (cancelTimeout != null) {
            cancelTimeout.run();
            cancelTimeout = null;
        }
        if (cancelWarning != null) {
            cancelWarning.run();
            cancelWarning = null;
        }
    }
}
