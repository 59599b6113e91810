package dev.haven.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.LimitSettings;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FloodGuard guard = new FloodGuard(new LimitSettings(4000, 65536, 10, 20, 50, 100, 5), nanos::get);

    private void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void onSend_burstThenRate() {
        for (int i = 0; i < 20; i++) {
            assertThat(guard.onSend()).as("send %d", i).isInstanceOf(FloodGuard.Allow.class);
        }
        FloodGuard.Verdict refused = guard.onSend();
        assertThat(refused).isInstanceOf(FloodGuard.Refuse.class);
        assertThat(((FloodGuard.Refuse) refused).retryAfterMs()).isBetween(1L, 100L);

        advanceMillis(100);
        assertThat(guard.onSend()).isInstanceOf(FloodGuard.Allow.class);
        assertThat(guard.onSend()).isInstanceOf(FloodGuard.Refuse.class);
    }

    @Test
    void onSend_keepsFloodingPastRefusals_closes() {
        for (int i = 0; i < 20; i++) {
            guard.onSend();
        }
        for (int i = 0; i < 5; i++) {
            assertThat(guard.onSend()).isInstanceOf(FloodGuard.Refuse.class);
        }
        assertThat(guard.onSend()).isInstanceOf(FloodGuard.Close.class);
    }

    @Test
    void onSend_refusalsSpreadOverTime_doNotClose() {
        for (int i = 0; i < 20; i++) {
            guard.onSend();
        }
        for (int round = 0; round < 20; round++) {
            assertThat(guard.onSend()).isInstanceOf(FloodGuard.Refuse.class);
            advanceMillis(2000);
            for (int i = 0; i < 20; i++) {
                guard.onSend();
            }
        }
    }

    @Test
    void onFrame_hasItsOwnLooserBudget() {
        for (int i = 0; i < 100; i++) {
            assertThat(guard.onFrame()).as("frame %d", i).isInstanceOf(FloodGuard.Allow.class);
        }
        assertThat(guard.onFrame()).isInstanceOf(FloodGuard.Refuse.class);
        assertThat(guard.onSend()).isInstanceOf(FloodGuard.Allow.class);
        advanceMillis(20);
        assertThat(guard.onFrame()).isInstanceOf(FloodGuard.Allow.class);
    }

    @Test
    void onSend_afterALongQuiet_holdsNoMoreThanItsBurst() {
        advanceMillis(600_000);
        for (int i = 0; i < 20; i++) {
            assertThat(guard.onSend()).as("send %d", i).isInstanceOf(FloodGuard.Allow.class);
        }

        FloodGuard.Verdict refused = guard.onSend();

        assertThat(refused).isInstanceOf(FloodGuard.Refuse.class);
        assertThat(((FloodGuard.Refuse) refused).retryAfterMs()).as("one send in 1/10 s").isEqualTo(100);
    }

    @Test
    void onFrame_refusedAfterUsingPartOfTheNextToken_retryAfterIsTheRestOfIt() {
        for (int i = 0; i < 100; i++) {
            guard.onFrame();
        }
        advanceMillis(5);

        FloodGuard.Verdict refused = guard.onFrame();

        assertThat(((FloodGuard.Refuse) refused).retryAfterMs()).as("50 frames/s: 20 ms a frame, 5 ms gone")
                .isEqualTo(15);
    }

    @Test
    void onBadFrame_tenAMinuteAllowedTheEleventhCloses() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.onBadFrame()).as("bad frame %d", i).isInstanceOf(FloodGuard.Allow.class);
        }

        assertThat(guard.onBadFrame()).isInstanceOf(FloodGuard.Close.class);
    }

    @Test
    void onBadFrame_spreadOverTime_refillsOneEverySixSeconds() {
        for (int i = 0; i < 10; i++) {
            guard.onBadFrame();
        }

        advanceMillis(6_000);
        assertThat(guard.onBadFrame()).isInstanceOf(FloodGuard.Allow.class);
        advanceMillis(60_000);
        for (int i = 0; i < 10; i++) {
            assertThat(guard.onBadFrame()).as("after a quiet minute, bad frame %d", i).isInstanceOf(FloodGuard.Allow.class);
        }
        assertThat(guard.onBadFrame()).isInstanceOf(FloodGuard.Close.class);
    }

    @Test
    void onBadFrame_configuredBudget_isUsed() {
        FloodGuard lenient = new FloodGuard(LimitSettings.defaults().withBadFramesPerMinute(3), nanos::get);
        for (int i = 0; i < 3; i++) {
            assertThat(lenient.onBadFrame()).isInstanceOf(FloodGuard.Allow.class);
        }
        assertThat(lenient.onBadFrame()).isInstanceOf(FloodGuard.Close.class);
    }
}
