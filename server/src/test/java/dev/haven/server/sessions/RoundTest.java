package dev.haven.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.model.RoundState;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rounds on a manual clock: timers fire only when the test moves time on. */
class RoundTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T18:00:00Z"));
    private final ManualRoomExecutor timers = new ManualRoomExecutor(clock);
    private final List<RoundEvent> events = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Round.Listener listener = new Round.Listener() {
        @Override
        public void changed(Round round) {
            events.add(round.event("room"));
        }

        @Override
        public void turnWarning(String speaker, long turnEndsAt) {
            warnings.add(speaker + "@" + turnEndsAt);
        }
    };

    private static Round.Setup setup(int turnSeconds, RoundOrder order, boolean allowPass, boolean talkingStick) {
        return new Round.Setup("round-1", RoundKind.CHECK_IN, "One word for today", Duration.ofSeconds(turnSeconds),
                order, allowPass, talkingStick);
    }

    private Round start(int turnSeconds, String... members) {
        return Round.start(setup(turnSeconds, RoundOrder.JOIN, true, false), List.of(members), new Random(1), clock,
                timers::schedule, listener);
    }

    private RoundEvent last() {
        return events.get(events.size() - 1);
    }

    @Test
    void start_inJoinOrder_givesTheFirstMemberTheTurnAndQueuesTheRest() {
        Round round = start(60, "ann", "ben", "cat");

        assertThat(events).hasSize(1);
        assertThat(last().speaker()).isEqualTo("ann");
        assertThat(last().queue()).containsExactly("ben", "cat");
        assertThat(last().state()).isEqualTo(RoundState.RUNNING);
        assertThat(last().turnEndsAt()).isEqualTo(clock.millis() + 60_000);
        assertThat(last().turnSeconds()).isEqualTo(60);
        assertThat(round.roundId()).isEqualTo("round-1");
    }

    @Test
    void start_inRandomOrder_shufflesWithTheInjectedRandom() {
        List<String> members = List.of("ann", "ben", "cat", "dan", "eve", "fay");
        List<String> expected = new ArrayList<>(members);
        Collections.shuffle(expected, new Random(42));

        Round.start(setup(60, RoundOrder.RANDOM, true, false), members, new Random(42), clock, timers::schedule,
                listener);

        List<String> order = new ArrayList<>();
        order.add(last().speaker());
        order.addAll(last().queue());
        assertThat(order).isEqualTo(expected).isNotEqualTo(members).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void start_withNobody_isRefused() {
        assertThatThrownBy(() -> start(60)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeOut_givesTheNextMemberTheTurn_andTheRoundEndsAfterTheLast() {
        start(30, "ann", "ben");

        timers.advance(Duration.ofMillis(29_999));
        assertThat(last().speaker()).isEqualTo("ann");
        timers.advance(Duration.ofMillis(1));
        assertThat(last().speaker()).isEqualTo("ben");
        assertThat(last().queue()).isEmpty();
        assertThat(last().turnEndsAt()).isEqualTo(clock.millis() + 30_000);
        timers.advance(Duration.ofSeconds(30));
        assertThat(last().state()).isEqualTo(RoundState.ENDED);
        assertThat(last().speaker()).isNull();
        assertThat(last().turnEndsAt()).isNull();
        int count = events.size();
        timers.advance(Duration.ofMinutes(10));
        assertThat(events).hasSize(count);
    }

    @Test
    void turnWarning_comesFifteenSecondsBeforeTheEnd_toTheSpeakerOnly() {
        start(120, "ann", "ben");
        long endsAt = last().turnEndsAt();

        timers.advance(Duration.ofSeconds(104));
        assertThat(warnings).isEmpty();
        timers.advance(Duration.ofSeconds(1));
        assertThat(warnings).containsExactly("ann@" + endsAt);
    }

    @Test
    void turnWarning_ofAShortTurn_comesAtItsLastQuarter() {
        start(20, "ann");
        timers.advance(Duration.ofMillis(14_999));
        assertThat(warnings).isEmpty();
        timers.advance(Duration.ofMillis(1));
        assertThat(warnings).hasSize(1);
    }

    @Test
    void endTurn_bySpeaker_movesOn_byAnyoneElse_isNotTheirTurn() {
        Round round = start(60, "ann", "ben", "cat");

        assertThat(round.endTurn("ben", false)).isEqualTo(Round.Outcome.NOT_YOUR_TURN);
        assertThat(round.endTurn("fac", true)).isEqualTo(Round.Outcome.NOT_YOUR_TURN);
        assertThat(last().speaker()).isEqualTo("ann");
        assertThat(round.endTurn("ann", false)).isEqualTo(Round.Outcome.DONE);
        assertThat(last().speaker()).isEqualTo("ben");
        assertThat(last().queue()).containsExactly("cat");
        // The earlier turn's timers are gone: ben gets his full minute.
        timers.advance(Duration.ofSeconds(59));
        assertThat(last().speaker()).isEqualTo("ben");
    }

    @Test
    void pass_looksToEveryoneExactlyLikeTurnDone() {
        Round passed = start(60, "ann", "ben");
        passed.endTurn("ann", true);
        RoundEvent afterPass = last();

        events.clear();
        Round done = start(60, "ann", "ben");
        done.endTurn("ann", false);
        RoundEvent afterDone = last();

        assertThat(afterPass).isEqualTo(afterDone);
    }

    @Test
    void pass_whenTheRoundAsksEveryoneToSpeak_isRefused() {
        Round round = Round.start(setup(60, RoundOrder.JOIN, false, false), List.of("ann", "ben"), new Random(1),
                clock, timers::schedule, listener);

        assertThat(round.endTurn("ann", true)).isEqualTo(Round.Outcome.PASS_NOT_ALLOWED);
        assertThat(last().speaker()).isEqualTo("ann");
        assertThat(round.endTurn("ann", false)).isEqualTo(Round.Outcome.DONE);
    }

    @Test
    void extend_movesTheEndOfTheTurnAndItsTimers() {
        Round round = start(60, "ann", "ben");
        long endsAt = last().turnEndsAt();

        timers.advance(Duration.ofSeconds(50));
        assertThat(round.extend(Duration.ofSeconds(30))).isTrue();
        assertThat(last().turnEndsAt()).isEqualTo(endsAt + 30_000);
        timers.advance(Duration.ofSeconds(39));
        assertThat(last().speaker()).isEqualTo("ann");
        timers.advance(Duration.ofSeconds(1));
        assertThat(last().speaker()).isEqualTo("ben");
    }

    @Test
    void joined_goesToTheEndOfTheQueue_unlessItHadItsTurnOrIsThere() {
        Round round = start(60, "ann", "ben");
        round.joined("cat");
        assertThat(last().queue()).containsExactly("ben", "cat");

        round.joined("ann");
        round.joined("cat");
        assertThat(last().queue()).containsExactly("ben", "cat");
        round.endTurn("ann", false);
        round.left("ann");
        round.joined("ann");
        assertThat(last().speaker()).isEqualTo("ben");
        assertThat(last().queue()).containsExactly("cat");
    }

    @Test
    void left_skipsAMemberStillToSpeak_andASpeakerWhoLeavesHandsOn() {
        Round round = start(60, "ann", "ben", "cat");
        round.left("ben");
        assertThat(last().queue()).containsExactly("cat");

        round.left("ann");
        assertThat(last().speaker()).isEqualTo("cat");
        round.left("cat");
        assertThat(last().state()).isEqualTo(RoundState.ENDED);
        assertThat(round.isOver()).isTrue();
    }

    @Test
    void pause_stopsTheClockOfTheTurn_andResumeGoesOnWithWhatWasLeft() {
        Round round = start(60, "ann", "ben");
        timers.advance(Duration.ofSeconds(20));

        round.pause();
        assertThat(last().state()).isEqualTo(RoundState.PAUSED);
        assertThat(last().turnEndsAt()).isNull();
        assertThat(last().remainingMs()).isEqualTo(40_000);
        assertThat(round.endTurn("ann", false)).isEqualTo(Round.Outcome.PAUSED);
        assertThat(round.mayTalk("ben")).isTrue();
        timers.advance(Duration.ofMinutes(30));
        assertThat(last().speaker()).isEqualTo("ann");
        assertThat(warnings).isEmpty();

        round.resume();
        assertThat(last().state()).isEqualTo(RoundState.RUNNING);
        assertThat(last().turnEndsAt()).isEqualTo(clock.millis() + 40_000);
        assertThat(last().remainingMs()).isNull();
        timers.advance(Duration.ofSeconds(40));
        assertThat(last().speaker()).isEqualTo("ben");
    }

    @Test
    void talkingStick_letsOnlyTheSpeakerTalk_whileItRuns() {
        Round round = Round.start(setup(60, RoundOrder.JOIN, true, true), List.of("ann", "ben"), new Random(1), clock,
                timers::schedule, listener);

        assertThat(round.mayTalk("ann")).isTrue();
        assertThat(round.mayTalk("ben")).isFalse();
        assertThat(round.isSpeaking("ann")).isTrue();
        round.end();
        assertThat(round.mayTalk("ben")).isTrue();
    }

    @Test
    void end_endsForGood_withoutLaterTimers() {
        Round round = start(60, "ann", "ben");
        round.end();
        assertThat(last().state()).isEqualTo(RoundState.ENDED);
        assertThat(last().queue()).isEmpty();
        int count = events.size();

        timers.advance(Duration.ofMinutes(5));
        round.joined("cat");
        round.end();
        assertThat(events).hasSize(count);
        assertThat(warnings).isEmpty();
    }
}
