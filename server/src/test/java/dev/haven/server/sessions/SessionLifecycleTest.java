package dev.haven.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.RoomState;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {
    private static final Duration GRACE = Duration.ofSeconds(90);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T18:00:00Z"));
    private final ManualRoomExecutor timers = new ManualRoomExecutor(clock);
    private final List<String> changes = new ArrayList<>();
    private int closes;

    private SessionLifecycle lifecycle(boolean requireFacilitator) {
        return new SessionLifecycle(requireFacilitator, GRACE, clock, timers::schedule,
                new SessionLifecycle.Listener() {
                    @Override
                    public void stateChanged(RoomState from, RoomState to) {
                        changes.add(from.wireName() + ">" + to.wireName());
                    }

                    @Override
                    public void closeDue() {
                        closes++;
                    }
                });
    }

    private SessionLifecycle opened() {
        SessionLifecycle lifecycle = lifecycle(true);
        lifecycle.facilitatorsPresent(1);
        lifecycle.open();
        return lifecycle;
    }

    @Test
    void requireFacilitator_turnedOffByAnOperator_opensARoomInLobbyAtOnce() {
        SessionLifecycle lifecycle = lifecycle(true);
        lifecycle.requireFacilitator(false);
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        assertThat(changes).containsExactly("lobby>open");
        lifecycle.reset();
        assertThat(lifecycle.state()).as("the next session too").isEqualTo(RoomState.OPEN);
    }

    @Test
    void requireFacilitator_turnedOn_keepsTheRunningSession_startsTheGrace_andTheNextWaitsInLobby() {
        SessionLifecycle lifecycle = lifecycle(false);
        lifecycle.requireFacilitator(true);
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        timers.advance(GRACE);
        assertThat(lifecycle.state()).as("nobody facilitating").isEqualTo(RoomState.UNFACILITATED);
        lifecycle.reset();
        assertThat(lifecycle.state()).isEqualTo(RoomState.LOBBY);
    }

    @Test
    void roomThatRequiresAFacilitator_startsInLobby_andOpensWhenAsked() {
        SessionLifecycle lifecycle = lifecycle(true);
        assertThat(lifecycle.state()).isEqualTo(RoomState.LOBBY);
        assertThat(lifecycle.isOpenToMembers()).isFalse();

        lifecycle.facilitatorsPresent(1);
        assertThat(lifecycle.state()).isEqualTo(RoomState.LOBBY);
        assertThat(lifecycle.open()).isTrue();
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        assertThat(lifecycle.isOpenToMembers()).isTrue();
        assertThat(lifecycle.open()).isFalse();
    }

    @Test
    void roomWithoutTheRequirement_isAlwaysOpen_andNeverUnfacilitated() {
        SessionLifecycle lifecycle = lifecycle(false);
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        lifecycle.facilitatorsPresent(1);
        lifecycle.facilitatorsPresent(0);
        timers.advance(Duration.ofHours(2));
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        assertThat(changes).isEmpty();
    }

    @Test
    void lastFacilitatorGone_forTheGracePeriod_makesTheRoomUnfacilitated() {
        SessionLifecycle lifecycle = opened();
        lifecycle.facilitatorsPresent(0);

        timers.advance(GRACE.minusMillis(1));
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        timers.advance(Duration.ofMillis(1));
        assertThat(lifecycle.state()).isEqualTo(RoomState.UNFACILITATED);
        assertThat(lifecycle.isOpenToMembers()).isTrue();
        assertThat(changes).containsExactly("open>unfacilitated");

        lifecycle.facilitatorsPresent(1);
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        assertThat(changes).containsExactly("open>unfacilitated", "unfacilitated>open");
    }

    @Test
    void facilitatorBackWithinTheGracePeriod_changesNothing() {
        SessionLifecycle lifecycle = opened();
        lifecycle.facilitatorsPresent(0);
        timers.advance(Duration.ofSeconds(60));
        lifecycle.facilitatorsPresent(1);

        timers.advance(Duration.ofHours(1));
        assertThat(lifecycle.state()).isEqualTo(RoomState.OPEN);
        assertThat(changes).isEmpty();
    }

    @Test
    void facilitatorLeavingTheLobby_startsNoGracePeriod() {
        SessionLifecycle lifecycle = lifecycle(true);
        lifecycle.facilitatorsPresent(1);
        lifecycle.facilitatorsPresent(0);
        timers.advance(Duration.ofHours(1));
        assertThat(lifecycle.state()).isEqualTo(RoomState.LOBBY);
        assertThat(changes).isEmpty();
    }

    @Test
    void close_isDueAfterItsGrace_andOpenCallsItOff() {
        SessionLifecycle lifecycle = opened();
        lifecycle.close(Duration.ofSeconds(60));
        assertThat(lifecycle.closesAt()).isEqualTo(clock.millis() + 60_000);

        assertThat(lifecycle.open()).isTrue();
        assertThat(lifecycle.closesAt()).isNull();
        timers.advance(Duration.ofMinutes(5));
        assertThat(closes).isZero();

        lifecycle.close(Duration.ofSeconds(60));
        lifecycle.close(Duration.ofSeconds(10));
        timers.advance(Duration.ofSeconds(10));
        assertThat(closes).isEqualTo(1);
        timers.advance(Duration.ofMinutes(5));
        assertThat(closes).isEqualTo(1);
    }

    @Test
    void reset_startsTheNextSessionInLobby_withNoTimerLeft() {
        SessionLifecycle lifecycle = opened();
        lifecycle.facilitatorsPresent(0);
        lifecycle.close(Duration.ofSeconds(30));

        lifecycle.reset();
        assertThat(lifecycle.state()).isEqualTo(RoomState.LOBBY);
        assertThat(lifecycle.closesAt()).isNull();
        timers.advance(Duration.ofHours(1));
        assertThat(closes).isZero();
        assertThat(changes).isEmpty();
    }
}
