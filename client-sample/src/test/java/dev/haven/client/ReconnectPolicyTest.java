package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private static final ReconnectPolicy POLICY = ReconnectPolicy.DEFAULT;

    /** A source that always draws the smallest, or always the largest, value allowed. */
    private static RandomGenerator always(boolean largest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are expected");
            }

            @Override
            public long nextLong(long bound) {
                return largest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void ceiling_doublesFromHalfASecond_upToThirtySeconds_andStaysThere() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(POLICY::ceiling).map(Duration::toMillis))
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
        assertThat(POLICY.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delay_isFullJitter_fromZeroUpToTheCeilingInclusive() {
        assertThat(POLICY.delay(3, always(false))).isZero();
        assertThat(POLICY.delay(3, always(true))).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.delay(20, always(true))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delay_spreadsOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(42);
        List<Long> delays = IntStream.range(0, 2000).mapToObj(i -> POLICY.delay(4, random).toMillis()).toList();

        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(0L, 4000L));
        assertThat(delays.stream().filter(d -> d < 1000).count()).isBetween(400L, 600L);
        assertThat(delays.stream().filter(d -> d >= 3000).count()).isBetween(400L, 600L);
    }

    @Test
    void ceiling_beforeTheFirstAttempt_isRefused() {
        assertThatThrownBy(() -> POLICY.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_refusesZeroOrNegativeDurations_aMaximumUnderTheStart_andNegativeAttempts() {
        assertThatThrownBy(() -> POLICY.withDelays(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> POLICY.withDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> POLICY.withHeartbeat(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("pingInterval");
        assertThatThrownBy(() -> POLICY.withMaxAttempts(-1)).hasMessageContaining("maxAttempts");
    }

    @Test
    void reconnectsAfter_aConnectionThatEnded() {
        assertThat(ReconnectPolicy.reconnectsAfter(1000, "heartbeat timeout")).isTrue();
        assertThat(ReconnectPolicy.reconnectsAfter(1001, "server shutting down")).isTrue();
        assertThat(ReconnectPolicy.reconnectsAfter(1006, "connection lost")).isTrue();
        assertThat(ReconnectPolicy.reconnectsAfter(1008, "slow")).isTrue();
        assertThat(ReconnectPolicy.reconnectsAfter(1011, "")).isTrue();
        assertThat(ReconnectPolicy.reconnectsAfter(1012, "")).isTrue();
        assertThat(ReconnectPolicy.reconnectsAfter(1013, "")).isTrue();
    }

    @Test
    void reconnectsAfter_notWhenTheServerRefusedThisClientOnPurpose() {
        assertThat(ReconnectPolicy.reconnectsAfter(4001, "invalid token")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(4001, "token expired")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(4409, "another session")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(1008, "flooding")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(1008, "too many bad frames")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(1002, "fragmented control frame")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(1003, "binary frames are not supported")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(1007, "bytes are not UTF-8")).isFalse();
        assertThat(ReconnectPolicy.reconnectsAfter(1009, "message too big")).isFalse();
    }
}
