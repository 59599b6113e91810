package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** History bounded in count, age, and bytes of text, whichever comes first. */
class MessageHistoryTest {
    private static final UserInfo SAM = new UserInfo("u1", "Sam", Role.MEMBER);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));

    private MessageEvent message(long seq, String text) {
        return new MessageEvent("room", seq, SAM, text, clock.millis(), null, null);
    }

    @Test
    void append_pastMaxBytes_dropsTheOldestUntilTheTextFitsAndReportsAGap() {
        MessageHistory history = new MessageHistory(200, 16 * 1024, Duration.ofHours(24), clock);

        // 4000 characters of three UTF-8 bytes each: 12,000 bytes a message.
        for (long seq = 1; seq <= 5; seq++) {
            history.append(message(seq, "話".repeat(4000)));
        }

        assertThat(history.all()).extracting(MessageEvent::seq).containsExactly(5L);
        assertThat(history.bytes()).isEqualTo(12_000);
        assertThat(history.hasGapAfter(1)).isTrue();
        assertThat(history.hasGapAfter(4)).isFalse();
    }

    @Test
    void bytes_countTextAndContentWarningWords_andFollowDeletesAndPurges() {
        MessageHistory history = new MessageHistory(200, 64 * 1024, Duration.ofHours(24), clock);
        history.append(message(1, "héllo"));
        history.append(new MessageEvent("room", 2, SAM, "hi 😊", clock.millis(), null,
                new ContentWarning(CwLabel.CUSTOM, "hard day")));

        assertThat(history.bytes()).isEqualTo(6 + 7 + 8);

        history.delete(1);
        assertThat(history.bytes()).isEqualTo(15);
        history.purge();
        assertThat(history.bytes()).isZero();
    }

    @Test
    void worstCase_ofTheDefaults_isBoundedByMaxBytesNotByCountTimesLength() {
        MessageHistory history = new MessageHistory(200, 256 * 1024, Duration.ofHours(24), clock);

        // 200 messages of 4000 four-byte characters would hold 3.2 MB.
        for (long seq = 1; seq <= 200; seq++) {
            history.append(message(seq, "😊".repeat(4000)));
        }

        assertThat(history.bytes()).isLessThanOrEqualTo(256 * 1024);
        assertThat(history.size()).isEqualTo(16);
    }
}
