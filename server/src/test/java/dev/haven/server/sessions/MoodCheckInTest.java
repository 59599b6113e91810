package dev.haven.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MoodCheckInTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T18:00:00Z"));
    private final ManualRoomExecutor timers = new ManualRoomExecutor(clock);
    private final List<MoodSummary> summaries = new ArrayList<>();

    private MoodCheckIn open() {
        return MoodCheckIn.open("poll-1", MoodPhase.CHECK_IN, Duration.ofSeconds(60), clock.millis(), timers::schedule,
                checkIn -> summaries.add(checkIn.close("room")));
    }

    @Test
    void close_withFewerThanFiveScores_withholdsTheDistribution() {
        MoodCheckIn poll = open();
        poll.answer("a", 1);
        poll.answer("b", 2);
        poll.answer("c", 5);
        poll.answer("d", 4);

        assertThat(poll.close("room")).isEqualTo(MoodSummary.suppressed("room", "poll-1", 4));
    }

    @Test
    void close_withFiveScores_givesTheDistribution() {
        MoodCheckIn poll = open();
        for (String user : List.of("a", "b", "c", "d", "e")) {
            poll.answer(user, user.equals("a") ? 1 : 4);
        }

        MoodSummary summary = poll.close("room");
        assertThat(summary.n()).isEqualTo(5);
        assertThat(summary.suppressed()).isNull();
        assertThat(summary.distribution()).containsExactlyEntriesOf(new TreeMap<>(Map.of("1", 1, "2", 0, "3", 0, "4", 4, "5", 0)));
    }

    @Test
    void nullAnswer_countsTowardNButNotTowardTheScoresThatLiftSuppression() {
        MoodCheckIn poll = open();
        for (String user : List.of("a", "b", "c", "d")) {
            poll.answer(user, 3);
        }
        poll.answer("e", null);
        assertThat(poll.close("room")).isEqualTo(MoodSummary.suppressed("room", "poll-1", 5));

        MoodCheckIn second = open();
        for (String user : List.of("a", "b", "c", "d", "e")) {
            second.answer(user, user.equals("e") ? 4 : 3);
        }
        second.answer("f", null);
        MoodSummary summary = second.close("room");
        assertThat(summary.n()).isEqualTo(6);
        assertThat(summary.distribution().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    @Test
    void close_withFiveIdenticalScores_givesOnlyN() {
        MoodCheckIn poll = open();
        for (String user : List.of("a", "b", "c", "d", "e", "f")) {
            poll.answer(user, 2);
        }
        poll.answer("g", null);

        assertThat(poll.close("room")).isEqualTo(MoodSummary.suppressed("room", "poll-1", 7));
    }

    @Test
    void close_withTwoDistinctScores_givesTheDistribution() {
        MoodCheckIn poll = open();
        for (String user : List.of("a", "b", "c", "d", "e")) {
            poll.answer(user, user.equals("e") ? 3 : 2);
        }

        assertThat(poll.close("room").distribution()).containsEntry("2", 4).containsEntry("3", 1);
    }

    @Test
    void answerAgain_replacesTheEarlierAnswer() {
        MoodCheckIn poll = open();
        for (String user : List.of("a", "b", "c", "d", "e")) {
            poll.answer(user, 2);
        }
        poll.answer("a", 5);

        MoodSummary summary = poll.close("room");
        assertThat(summary.n()).isEqualTo(5);
        assertThat(summary.distribution()).containsEntry("2", 4).containsEntry("5", 1);
    }

    @Test
    void closesByItself_atClosesAt_andKeepsNoSingleAnswer() {
        MoodCheckIn poll = open();
        assertThat(poll.event("room").closesAt()).isEqualTo(clock.millis() + 60_000);
        poll.answer("a", 1);

        timers.advance(Duration.ofMillis(59_999));
        assertThat(summaries).isEmpty();
        timers.advance(Duration.ofMillis(1));
        assertThat(summaries).containsExactly(MoodSummary.suppressed("room", "poll-1", 1));
        assertThat(poll.isOpen()).isFalse();
        assertThatThrownBy(() -> poll.answer("b", 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void discard_endsWithoutASummary() {
        MoodCheckIn poll = open();
        poll.answer("a", 1);
        poll.discard();

        timers.advance(Duration.ofMinutes(5));
        assertThat(summaries).isEmpty();
        assertThat(poll.isOpen()).isFalse();
    }

    @Test
    void answer_outOfRange_isRefused() {
        MoodCheckIn poll = open();
        assertThatThrownBy(() -> poll.answer("a", 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> poll.answer("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
