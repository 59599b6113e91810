package dev.haven.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.server.config.ConfigException;
import dev.haven.server.config.ScheduleSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {
    private static WeeklySchedule weekly(String start, List<ScheduleSettings.Change> changes) {
        return new WeeklySchedule(new ScheduleSettings(List.of("sun"), start, 90, "Europe/London", 15, changes));
    }

    @Test
    void current_acrossTheSpringChange_keepsTheLocalTime_andMovesTheInstant() {
        // 2026-03-29 is the last Sunday of March: London goes from GMT to BST.
        WeeklySchedule schedule = weekly("19:00", List.of());
        WeeklySchedule.Slot before = schedule.current(Instant.parse("2026-03-22T12:00:00Z"));
        assertThat(before.start().toInstant()).isEqualTo(Instant.parse("2026-03-22T19:00:00Z"));

        WeeklySchedule.Slot after = schedule.current(Instant.parse("2026-03-22T21:00:00Z"));
        assertThat(after.start().toLocalTime().toString()).isEqualTo("19:00");
        assertThat(after.start().toInstant()).isEqualTo(Instant.parse("2026-03-29T18:00:00Z"));
        assertThat(after.lobbyOpens()).isEqualTo(Instant.parse("2026-03-29T17:45:00Z"));
        assertThat(after.end()).isEqualTo(Instant.parse("2026-03-29T19:30:00Z"));
    }

    @Test
    void current_aStartInTheSkippedHour_movesLaterByThatHour() {
        WeeklySchedule schedule = weekly("01:30", List.of());
        WeeklySchedule.Slot slot = schedule.current(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(slot.start().toLocalTime().toString()).isEqualTo("02:30");
        assertThat(slot.start().toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void current_acrossTheAutumnChange_lastsItsRealDuration() {
        // 2026-10-25: 02:00 BST becomes 01:00 GMT; a session from 00:30 lasts 90 real minutes.
        WeeklySchedule schedule = weekly("00:30", List.of());
        WeeklySchedule.Slot slot = schedule.current(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(slot.start().toInstant()).isEqualTo(Instant.parse("2026-10-24T23:30:00Z"));
        assertThat(Duration.between(slot.start().toInstant(), slot.end())).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void current_whileASessionRuns_isThatSession() {
        WeeklySchedule schedule = weekly("19:00", List.of());
        WeeklySchedule.Slot slot = schedule.current(Instant.parse("2026-03-22T20:00:00Z"));
        assertThat(slot.start().toInstant()).isEqualTo(Instant.parse("2026-03-22T19:00:00Z"));
        assertThat(slot.started(Instant.parse("2026-03-22T20:00:00Z"))).isTrue();
    }

    @Test
    void current_skippedWeek_goesToTheWeekAfter() {
        WeeklySchedule schedule = weekly("19:00", List.of(new ScheduleSettings.Change("2026-12-27", true, null)));
        WeeklySchedule.Slot slot = schedule.current(Instant.parse("2026-12-25T12:00:00Z"));
        assertThat(slot.start().toLocalDate().toString()).isEqualTo("2027-01-03");
    }

    @Test
    void current_movedAndExtraSessions_takeTheirOwnTimes() {
        WeeklySchedule schedule = weekly("19:00", List.of(
                new ScheduleSettings.Change("2026-12-20", false, "17:00"),
                new ScheduleSettings.Change("2026-12-16", false, "18:00")));
        WeeklySchedule.Slot extra = schedule.current(Instant.parse("2026-12-15T12:00:00Z"));
        assertThat(extra.start()).isEqualTo(ZonedDateTime.parse("2026-12-16T18:00:00Z[Europe/London]"));
        WeeklySchedule.Slot moved = schedule.current(Instant.parse("2026-12-17T12:00:00Z"));
        assertThat(moved.start().toLocalTime().toString()).isEqualTo("17:00");
    }

    @Test
    void settings_badValues_areRefusedWithTheirName() {
        assertThatThrownBy(() -> new ScheduleSettings(List.of("someday"), "19:00", 60, "Europe/London", null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schedule.days");
        assertThatThrownBy(() -> new ScheduleSettings(List.of("mon"), "7pm", 60, "Europe/London", null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schedule.start");
        assertThatThrownBy(() -> new ScheduleSettings(List.of("mon"), "19:00", 60, "Mars/Olympus", null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schedule.timeZone");
        assertThatThrownBy(() -> new ScheduleSettings(List.of("mon"), "19:00", 0, "UTC", null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("durationMinutes");
    }

    @Test
    void lobbyText_beforeTheStart_saysWhenAndHowSoon() {
        WeeklySchedule.Slot slot = weekly("19:00", List.of()).current(Instant.parse("2026-03-22T12:00:00Z"));
        assertThat(EarlyArrival.lobbyText(slot, Instant.parse("2026-03-22T18:48:00Z")))
                .startsWith("The group starts at 19:00 (in 12 min).");
        assertThat(EarlyArrival.lobbyText(slot, Instant.parse("2026-03-22T19:05:00Z")))
                .startsWith("The group was due to start at 19:00.");
        assertThat(EarlyArrival.in(Duration.ofMinutes(185))).isEqualTo("in 3 h 5 min");
        assertThat(EarlyArrival.in(Duration.ofDays(3))).isEqualTo("in 3 days");
    }
}
