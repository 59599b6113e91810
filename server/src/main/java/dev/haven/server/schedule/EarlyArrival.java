package dev.haven.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What a scheduled room tells members about its next session. */
public final class EarlyArrival {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private EarlyArrival() {
    }

    /**
     * To a member in the lobby before the facilitator opened the session: "The group starts at
     * 19:00 (in 12 min)." or, once the time has come, that a facilitator will open it.
     */
    public static String lobbyText(WeeklySchedule.Slot slot, Instant now) {
        String at = TIME.format(slot.start());
        if (!slot.started(now)) {
            return "The group starts at " + at + " (" + in(Duration.between(now, slot.start().toInstant())) + "). "
                    + "You can read along until a facilitator opens the session.";
        }
        return "The group was due to start at " + at + ". A facilitator will open the session soon; you can read "
                + "along until then.";
    }

    /** Why a member cannot come in yet: when the next session is and when the room opens. */
    public static String notYetText(WeeklySchedule.Slot slot, Instant now, Duration lobby) {
        if (slot == null) {
            return "this group has no session planned at the moment";
        }
        String text = "this group's next session starts at " + TIME.format(slot.start()) + " on "
                + DAY.format(slot.start()) + " (" + slot.start().getZone().getId() + ", "
                + in(Duration.between(now, slot.start().toInstant())) + ")";
        return lobby.isZero() ? text : text + "; the room opens " + lobby.toMinutes() + " min before";
    }

    /** "in 12 min", "in 3 h 5 min", "in 2 days". */
    static String in(Duration left) {
        long minutes = (left.toSeconds() + 59) / 60;
        if (minutes < 60) {
            return "in " + Math.max(1, minutes) + " min";
        }
        if (minutes < 48 * 60) {
            long h = minutes / 60;
            long m = minutes % 60;
            return "in " + h + " h" + (m == 0 ? "" : " " + m + " min");
        }
        return "in " + minutes / (24 * 60) + " days";
    }
}
