package dev.haven.server.room;

import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.server.sessions.DropoutNotifier;
import dev.haven.server.sessions.MoodCheckIn;
import dev.haven.server.sessions.Round;
import dev.haven.server.sessions.SessionLifecycle;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's side of its facilitated session: it drives the {@link SessionLifecycle}, the
 * current {@link Round} and {@link MoodCheckIn} from what happens in the room, and turns their
 * changes into frames for the people present. Used on the room's executor alone.
 */
final class GroupSession implements SessionLifecycle.Listener, Round.Listener, MoodCheckIn.Listener {
    private static final Logger log = LoggerFactory.getLogger(GroupSession.class);

    static final String UNFACILITATED_TEXT = "No facilitator is with the group right now. You can go on talking "
            + "with each other; please take care of yourselves and one another.";
    static final String UNFACILITATED_NO_CARDS = " If you need help now, call your local emergency number.";
    static final String UNFACILITATED_CARDS = " If you need to talk to someone now, these services can help.";
    static final String CLOSED_TEXT = "This session has ended and what was said in it has been deleted. "
            + "Thank you for being here. You are welcome back next time.";

    private final Room room;
    private final DropoutNotifier dropout;
    private final Random random;
    final SessionLifecycle lifecycle;
    private Round round;
    private MoodCheckIn poll;
    private long roundsStarted;
    private long pollsOpened;

    GroupSession(Room room, boolean requireFacilitator, Duration facilitatorGrace, DropoutNotifier dropout,
                 Random random) {
        this.room = room;
        this.dropout = dropout;
        this.random = random;
        this.lifecycle = new SessionLifecycle(requireFacilitator, facilitatorGrace, room.clock,
                room.executor::schedule, this);
    }

    // ---------------------------------------------------------------- what the room asks

    /** The round running or paused now, or null. */
    Round round() {
        return round;
    }

    /** The check-in open now, or null. */
    MoodCheckIn poll() {
        return poll;
    }

    RoundEvent roundEvent() {
        return round == null ? null : round.event(room.id());
    }

    MoodPollEvent pollEvent() {
        return poll == null ? null : poll.event(room.id());
    }

    /** Whether the member may send now as far as the session goes; facilitators always may. */
    boolean mayTalk(Member member) {
        return member.isFacilitator() || round == null || round.mayTalk(member.id());
    }

    /** The speaker of a running round has the floor, also in a moderated room. */
    boolean hasTurn(Member member) {
        return round != null && round.isSpeaking(member.id());
    }

    // ---------------------------------------------------------------- who comes and goes

    /** Someone came into the room; runs after the room has added it. */
    void entered(Member member) {
        if (member.isFacilitator()) {
            lifecycle.facilitatorsPresent(facilitatorCount());
        } else if (round != null) {
            round.joined(member.id());
        }
    }

    /** Someone left the room; runs after the room has taken it out. */
    void left(Member member) {
        if (member.isFacilitator()) {
            lifecycle.facilitatorsPresent(facilitatorCount());
        } else if (round != null) {
            round.left(member.id());
        }
    }

    /** The private notice a member gets in a room without a facilitator: now, or when it joins one. */
    Notice unfacilitatedNotice() {
        List<ResourceCard> cards = dropout.resourcesFor(room.id());
        String text = UNFACILITATED_TEXT + (cards.isEmpty() ? UNFACILITATED_NO_CARDS : UNFACILITATED_CARDS);
        return Notice.unfacilitated(room.id(), text, cards);
    }

    private int facilitatorCount() {
        int count = 0;
        for (Member member : room.presence.all()) {
            if (member.isFacilitator()) {
                count++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- rounds and check-ins

    /** Starts a round with every member present; a round still going ends first. */
    Round startRound(Round.Setup setup) {
        endRound();
        List<String> members = room.presence.all().stream().filter(m -> !m.isFacilitator()).map(Member::id).toList();
        round = Round.start(setup, members, random, room.clock, room.executor::schedule, this);
        return round;
    }

    String nextRoundId() {
        room.durable.changed(DurableState.SESSION);
        return "round-" + ++roundsStarted;
    }

    /** How many rounds and check-ins the room has had, so that their ids are not given twice across restarts. */
    long[] counters() {
        return new long[] {roundsStarted, pollsOpened};
    }

    void restoreCounters(long rounds, long polls) {
        roundsStarted = rounds;
        pollsOpened = polls;
    }

    void endRound() {
        if (round != null) {
            round.end();
        }
    }

    /** Opens a check-in; one still open closes first, with its summary. */
    MoodCheckIn openPoll(MoodPhase phase, Duration duration) {
        if (poll != null) {
            closed(poll);
        }
        room.durable.changed(DurableState.SESSION);
        poll = MoodCheckIn.open("poll-" + ++pollsOpened, phase, duration, room.clock.millis(), room.executor::schedule,
                this);
        room.presence.broadcast(poll.event(room.id()));
        return poll;
    }

    /** Everything of this session goes: the round, the check-in and its answers, the timers. */
    void purge() {
        if (round != null) {
            round.discard();
            round = null;
        }
        if (poll != null) {
            poll.discard();
            poll = null;
        }
        lifecycle.reset();
    }

    // ---------------------------------------------------------------- listeners

    @Override
    public void stateChanged(RoomState from, RoomState to) {
        room.announceSettings();
        log.info("session room={} state={}", room.id(), to.wireName());
        if (to == RoomState.UNFACILITATED) {
            if (round != null) {
                round.pause();
            }
            Notice notice = unfacilitatedNotice();
            for (Member member : room.presence.all()) {
                Presence.tell(member, notice);
            }
            dropout.alertSupervisors(Alert.unfacilitated(room.id(), room.clock.millis()));
        } else if (from == RoomState.UNFACILITATED && round != null) {
            round.resume();
        }
    }

    /**
     * The session closes: everyone present (and everyone waiting to be admitted) is told and is
     * out of the room, and what the session held is purged: private check-ins, messages, the
     * round, the mood check-in and its answers, reports still waiting for a facilitator, open crisis and
     * request-for-a-facilitator alerts, participation stats, slow-mode times, waiting members,
     * settings changed during it. Sanctions, the audit log and {@code seq} carry on; a purge is not a gap.
     */
    @Override
    public void closeDue() {
        int present = clearOut(Notice.sessionClosed(room.id(), CLOSED_TEXT));
        room.policy = room.configuredPolicy();
        room.refreshInfo();
        log.info("session closed room={} present={}", room.id(), present);
    }

    /**
     * Everyone present, and everyone waiting to be admitted, receives {@code told} and is out of
     * the room; what the session held is purged (see {@link #closeDue}). The room's close of a
     * session and the operators' archiving share it.
     *
     * @return how many were present
     */
    int clearOut(Notice told) {
        // First, while everyone in them is still in the room to hear that they end.
        room.checkins.sessionClosed();
        int present = room.presence.size();
        for (Member member : List.copyOf(room.presence.all())) {
            Presence.tell(member, told);
            member.sessions().clear();
            room.presence.remove(member);
        }
        for (WaitingRoom.Waiter waiter : List.copyOf(room.waiting.all())) {
            waiter.sessions().forEach(s -> s.send(told));
        }
        room.waiting.clear();
        room.pendingReports.clear();
        room.care.purge();
        room.history.purge();
        room.operations.sessionClosed();
        room.stats.clear();
        room.slowMode.clear();
        purge();
        return present;
    }

    @Override
    public void changed(Round changed) {
        room.presence.broadcast(changed.event(room.id()));
        if (changed.isOver() && changed == round) {
            round = null;
        }
    }

    @Override
    public void turnWarning(String speaker, long turnEndsAt) {
        Member member = room.presence.get(speaker);
        if (member != null) {
            Presence.tell(member, new Notice(room.id(), NoticeKind.TURN_WARNING, turnEndsAt, null, null));
        }
    }

    @Override
    public void closed(MoodCheckIn closed) {
        room.presence.broadcast(closed.close(room.id()));
        if (closed == poll) {
            poll = null;
        }
    }
}
