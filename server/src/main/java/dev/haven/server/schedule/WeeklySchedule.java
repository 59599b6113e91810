package dev.haven.server.schedule;

import dev.haven.server.config.ScheduleSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A room's timetable: weekly slots at a local time in the room's time zone, with dates skipped
 * or moved. A slot's start follows the zone's daylight-saving changes (19:00 stays 19:00 local
 * time); a start that falls into the hour a spring change skips moves later by that hour, as
 * {@link ZonedDateTime#of} resolves it; its length is real time. Immutable and thread-safe.
 */
public final class WeeklySchedule {
    /** How far ahead a next session is looked for: a year of weeks, exceptions included. */
    private static final int HORIZON_DAYS = 400;

    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final Duration duration;
    private final Duration lobby;
    private final ZoneId zone;
    /** Date to its moved start; a skipped date maps to null. */
    private final Map<LocalDate, LocalTime> changes = new HashMap<>();

    public WeeklySchedule(ScheduleSettings settings) {
        this.days = settings.daysOfWeek();
        this.start = settings.startTime();
        this.duration = Duration.ofMinutes(settings.durationMinutes());
        this.lobby = Duration.ofMinutes(settings.lobbyMinutes());
        this.zone = settings.zoneId();
        settings.exceptions().forEach(c -> changes.put(c.localDate(), c.localStart()));
    }

    /** One planned session. */
    public record Slot(ZonedDateTime start, Instant end, Instant lobbyOpens) {
        /** Whether members may come in: from the lobby's opening on. */
        public boolean lobbyOpen(Instant now) {
            return !now.isBefore(lobbyOpens);
        }

        public boolean started(Instant now) {
            return !now.isBefore(start.toInstant());
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The session running at {@code now} by the timetable, or else the next one; null when none
     * is planned within a year (every date skipped).
     */
    public Slot current(Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate().minusDays(2);
        LocalDate last = day.plusDays(HORIZON_DAYS);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            Slot slot = slotOn(day);
            if (slot != null && slot.end().isAfter(now)) {
                return slot;
            }
        }
        return null;
    }

    private Slot slotOn(LocalDate day) {
        LocalTime at;
        if (changes.containsKey(day)) {
            at = changes.get(day);
        } else {
            at = days.contains(day.getDayOfWeek()) ? start : null;
        }
        if (at == null) {
            return null;
        }
        ZonedDateTime begins = ZonedDateTime.of(day, at, zone);
        Instant startInstant = begins.toInstant();
        return new Slot(begins, startInstant.plus(duration), startInstant.minus(lobby));
    }
}
