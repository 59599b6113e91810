package dev.haven.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlowModeTest {
    private static final long T0 = 1_800_000_000_000L;

    private final SlowMode slowMode = new SlowMode(3600);

    @Test
    void retryAfter_noEarlierMessage_isZero() {
        assertThat(slowMode.retryAfterMillis("alice", 10, T0)).isZero();
    }

    @Test
    void retryAfter_withinTheInterval_isWhatRemains() {
        slowMode.accepted("alice", T0);

        assertThat(slowMode.retryAfterMillis("alice", 10, T0)).isEqualTo(10_000);
        assertThat(slowMode.retryAfterMillis("alice", 10, T0 + 3_000)).isEqualTo(7_000);
        assertThat(slowMode.retryAfterMillis("alice", 10, T0 + 9_999)).isEqualTo(1);
    }

    @Test
    void retryAfter_afterTheInterval_isZero() {
        slowMode.accepted("alice", T0);

        assertThat(slowMode.retryAfterMillis("alice", 10, T0 + 10_000)).isZero();
        assertThat(slowMode.retryAfterMillis("alice", 10, T0 + 60_000)).isZero();
    }

    @Test
    void retryAfter_intervalZero_isOff() {
        slowMode.accepted("alice", T0);
        assertThat(slowMode.retryAfterMillis("alice", 0, T0)).isZero();
    }

    @Test
    void retryAfter_countsFromTheLastAcceptedMessage() {
        slowMode.accepted("alice", T0);
        slowMode.accepted("alice", T0 + 5_000);

        assertThat(slowMode.retryAfterMillis("alice", 10, T0 + 10_000)).isEqualTo(5_000);
    }

    @Test
    void retryAfter_isPerMember() {
        slowMode.accepted("alice", T0);
        assertThat(slowMode.retryAfterMillis("bob", 10, T0)).isZero();
    }

    @Test
    void purge_dropsEntriesOlderThanTheLongestIntervalOnly() {
        SlowMode shortMax = new SlowMode(10);
        shortMax.accepted("old", T0);
        shortMax.accepted("recent", T0 + 5_000);

        shortMax.purge(T0 + 10_000);

        // An interval longer than the purge bound shows whether the entry is still held.
        assertThat(shortMax.retryAfterMillis("old", 20, T0 + 10_000)).isZero();
        assertThat(shortMax.retryAfterMillis("recent", 20, T0 + 10_000)).isEqualTo(15_000);
    }

    @Test
    void clear_forgetsEveryone() {
        slowMode.accepted("alice", T0);
        slowMode.clear();
        assertThat(slowMode.retryAfterMillis("alice", 10, T0)).isZero();
    }
}
