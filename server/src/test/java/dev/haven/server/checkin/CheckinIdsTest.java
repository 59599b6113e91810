package dev.haven.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckinIdsTest {
    private final CheckinIds ids = new CheckinIds();

    @Test
    void next_namesItsRoom_soTheRoomIsReadFromTheIdAlone() {
        for (String room : new String[] {"a", "open-lounge", "under_score-9", "x".repeat(64)}) {
            String id = ids.next(room);
            assertThat(id).startsWith("ck:" + room + ":");
            assertThat(CheckinIds.roomOf(id)).isEqualTo(room);
        }
    }

    @Test
    void next_isNeverTheSameTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.next("lounge"))).isTrue();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"lounge", "ck:", "ck::0123456789abcdef", "ck:lounge", "ck:lounge:0123", "alert-1-2",
            "xk:lounge:0123456789abcdef", "ck:lounge:0123456789abcdef0"})
    void roomOf_somethingElse_isNull(String notAnId) {
        assertThat(CheckinIds.roomOf(notAnId)).isNull();
    }
}
