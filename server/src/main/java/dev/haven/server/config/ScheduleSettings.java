package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A room's weekly sessions: on these days, at this local time in this time zone, for this long.
 * Members may join from {@code lobbyMinutes} before the start; the facilitator still opens the
 * session, and a session running past its slot is not cut off.
 *
 * @param days            days of the week: {@code mon} … {@code sun} (or the full English names)
 * @param start           local start time, {@code HH:mm}
 * @param durationMinutes how long a session is planned to last, 1-1440
 * @param timeZone        an IANA time zone such as {@code Europe/London}; the start follows its
 *                        daylight-saving changes
 * @param lobbyMinutes    how long before the start members may come in and read; 0-240, default 15
 * @param exceptions      dates that differ: {@code skip: true} cancels that day's session;
 *                        {@code start} moves it, or adds a one-off session on another day
 */
public record ScheduleSettings(List<String> days, String start, Integer durationMinutes, String timeZone,
                               Integer lobbyMinutes, List<Change> exceptions) {
    public static final int DEFAULT_LOBBY_MINUTES = 15;

    /** One date that differs from the weekly pattern. */
    public record Change(String date, Boolean skip, String start) {
        public Change {
            check(date != null && parseDate(date) != null,
                    "schedule.exceptions[].date must be a date, YYYY-MM-DD" + got(date));
            skip = skip != null && skip;
            check(skip || start != null, "schedule.exceptions[] on " + date + " needs skip: true or a start time");
            check(!skip || start == null, "schedule.exceptions[] on " + date + " cannot both skip and move the session");
            check(start == null || parseTime(start) != null,
                    "schedule.exceptions[].start must be a time of day, HH:mm" + got(start));
        }

        public LocalDate localDate() {
            return parseDate(date);
        }

        /** The moved start, or null for a skipped day. */
        public LocalTime localStart() {
            return start == null ? null : parseTime(start);
        }
    }

    public ScheduleSettings {
        check(days != null && !days.isEmpty(), "schedule.days must list at least one day (mon ... sun)");
        for (String day : days) {
            check(parseDay(day) != null, "schedule.days: '" + day + "' is not a day of the week (mon ... sun)");
        }
        days = List.copyOf(days);
        check(start != null && parseTime(start) != null, "schedule.start must be a time of day, HH:mm" + got(start));
        check(durationMinutes != null && durationMinutes >= 1 && durationMinutes <= 1440,
                "schedule.durationMinutes must be between 1 and 1440");
        check(timeZone != null && zone(timeZone) != null,
                "schedule.timeZone must be an IANA time zone such as Europe/London" + got(timeZone));
        lobbyMinutes = lobbyMinutes == null ? DEFAULT_LOBBY_MINUTES : lobbyMinutes;
        check(lobbyMinutes >= 0 && lobbyMinutes <= 240, "schedule.lobbyMinutes must be between 0 and 240");
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        Set<String> dates = new HashSet<>();
        for (Change change : exceptions) {
            check(dates.add(change.localDate().toString()), "schedule.exceptions: " + change.date() + " is listed twice");
        }
    }

    public Set<DayOfWeek> daysOfWeek() {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        days.forEach(d -> set.add(parseDay(d)));
        return set;
    }

    public LocalTime startTime() {
        return parseTime(start);
    }

    public ZoneId zoneId() {
        return zone(timeZone);
    }

    private static DayOfWeek parseDay(String day) {
        if (day == null) {
            return null;
        }
        String text = day.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek value : DayOfWeek.values()) {
            if (value.name().equals(text) || text.length() == 3 && value.name().startsWith(text)) {
                return value;
            }
        }
        return null;
    }

    private static LocalTime parseTime(String text) {
        try {
            return text.strip().matches("\\d{2}:\\d{2}") ? LocalTime.parse(text.strip()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String got(String value) {
        return value == null ? "" : " (got '" + value + "')";
    }

    /** The days as written, for error messages and documentation. */
    public List<String> dayNames() {
        List<String> names = new ArrayList<>();
        daysOfWeek().forEach(d -> names.add(d.name().substring(0, 3).toLowerCase(Locale.ROOT)));
        return names;
    }
}
