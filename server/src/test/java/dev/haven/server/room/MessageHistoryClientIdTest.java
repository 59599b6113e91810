package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The held history's memory of clientIds, which makes a retried send a duplicate: bounded like the history. */
class MessageHistoryClientIdTest {
    private static final UserInfo ROBIN = new UserInfo("u-robin", "Robin", Role.MEMBER);
    private static final UserInfo ALEX = new UserInfo("u-alex", "Alex", Role.MEMBER);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T19:00:00Z"));
    private final MessageHistory history = new MessageHistory(3, 1 << 20, Duration.ofHours(1), clock);
    private long seq;

    private void append(UserInfo from, String clientId) {
        history.append(new MessageEvent("lounge", ++seq, from, "text", clock.millis(), clientId, null));
    }

    @Test
    void acceptedSeq_isThePerUserFirstSeq() {
        append(ROBIN, "c-1");
        append(ALEX, "c-1");

        assertThat(history.acceptedSeq("u-robin", "c-1")).isEqualTo(1);
        assertThat(history.acceptedSeq("u-alex", "c-1")).isEqualTo(2);
        assertThat(history.acceptedSeq("u-robin", "c-2")).isNull();
        assertThat(history.acceptedSeq("u-robin", null)).isNull();
    }

    @Test
    void acceptedSeq_isForgottenWhenTheMessageLeavesTheHistoryByCount() {
        append(ROBIN, "c-1");
        append(ROBIN, "c-2");
        append(ROBIN, "c-3");
        append(ROBIN, "c-4");

        assertThat(history.acceptedSeq("u-robin", "c-1")).isNull();
        assertThat(history.acceptedSeq("u-robin", "c-2")).isEqualTo(2);
        assertThat(history.rememberedClientIds()).isEqualTo(3);
    }

    @Test
    void acceptedSeq_isForgottenWhenTheMessageLeavesTheHistoryByAge() {
        append(ROBIN, "c-1");
        clock.advance(Duration.ofMinutes(61));

        assertThat(history.acceptedSeq("u-robin", "c-1")).isNull();
        assertThat(history.rememberedClientIds()).isZero();
    }

    @Test
    void acceptedSeq_ofADeletedMessage_isRememberedSoARetryDoesNotBringItBack() {
        append(ROBIN, "c-1");
        history.delete(1);

        assertThat(history.acceptedSeq("u-robin", "c-1")).isEqualTo(1);
    }

    @Test
    void deletedMessages_cannotGrowTheMemoryPastTwiceTheHistory() {
        for (int i = 0; i < 20; i++) {
            append(ROBIN, "c-" + i);
            history.delete(seq);
        }

        assertThat(history.rememberedClientIds()).isLessThanOrEqualTo(6);
        assertThat(history.acceptedSeq("u-robin", "c-19")).isEqualTo(20);
    }

    @Test
    void purge_forgetsEveryClientId() {
        append(ROBIN, "c-1");
        history.purge();

        assertThat(history.acceptedSeq("u-robin", "c-1")).isNull();
    }
}
