package dev.haven.client.cli;

import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.Announcement;
import dev.haven.protocol.server.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words for what facilitation brings: private notices to the member concerned, calm and
 * marked {@code (private)}; alerts to facilitators, marked {@code [facilitator alert]}; and the
 * room's neutral lines ({@code * ...}) for hands, the floor and settings. Text from people
 * (names, reasons) is cleaned for the terminal here.
 */
final class EventText {
    static final String PRIVATE = "(private) ";
    static final String ALERT = "[facilitator alert] ";

    private EventText() {
    }

    /** An announcement from the service's operators, marked as such. */
    static String announcement(Announcement announcement, String roomName) {
        return "[announcement] " + Transcript.clean(roomName) + ": " + Transcript.cleanLines(announcement.text());
    }

    /**
     * @param roomName  the name of the room the notice is about
     * @param nowMillis the time now, to say how long a timed step lasts
     */
    static String notice(Notice notice, String roomName, long nowMillis) {
        String room = Transcript.clean(roomName);
        String reason = notice.reason() == null || notice.reason().isBlank() ? ""
                : " Reason: " + Transcript.clean(notice.reason());
        return PRIVATE + switch (notice.kind()) {
            case MUTED -> "A facilitator has muted you " + (notice.until() == null ? "until they lift it"
                    : "for " + remaining(notice.until(), nowMillis)) + ". You can still read along." + reason;
            case UNMUTED -> "You can write again: your mute in " + room + " has ended.";
            case REMOVED -> "You were removed from the room." + reason;
            case BANNED -> "You were removed from the room and cannot rejoin "
                    + (notice.until() == null ? "unless a facilitator lifts it"
                    : "for " + remaining(notice.until(), nowMillis)) + "." + reason;
            case WARNING -> "A word from a facilitator: "
                    + Transcript.cleanLines(notice.reason() == null ? "" : notice.reason());
            case VOICE -> Boolean.FALSE.equals(notice.granted())
                    ? "A facilitator has passed the floor on. Raise your hand (/hand) when you would like to speak."
                    : "A facilitator has given you the floor: you can write now.";
            case ADMITTED -> "A facilitator has admitted you to " + room + ".";
            case DENIED -> "A facilitator could not admit you to " + room + " this time.";
            case TURN_WARNING -> "Your turn ends in " + remaining(notice.until() == null ? nowMillis : notice.until(),
                    nowMillis) + ". /done when you are ready.";
            case SESSION_CLOSING, SESSION_CLOSED, SESSION_SCHEDULED, ROOM_ARCHIVED ->
                    Transcript.cleanLines(notice.text() == null ? "" : notice.text());
            case REACHING_OUT -> notice.text() != null ? Transcript.cleanLines(notice.text())
                    : (notice.by() == null ? "Someone" : Transcript.clean(notice.by().name()))
                    + " from the group would like to check in with you, privately.";
            case UNFACILITATED -> Transcript.cleanLines(notice.text() == null ? "" : notice.text())
                    + (notice.resources() == null || notice.resources().isEmpty() ? ""
                    : "\n" + String.join("\n", SessionText.resources(notice.resources())));
            // A kind added to the protocol after this client was written.
            default -> "A note about " + room + " (a notice this client does not know yet)." + reason;
        };
    }

    /**
     * @param nameOf  the name of a user id the chat has seen, else null
     * @param hands   the raised hands, first raised first
     */
    static String alert(Alert alert, String roomName, Function<String, String> nameOf, List<MemberInfo> hands) {
        String who = name(alert.name(), alert.member());
        return ALERT + switch (alert.kind()) {
            case HAND_RAISED -> who + " raised a hand (hands up, first raised first: " + names(hands) + ")";
            case WAITING -> who + " is waiting to join " + Transcript.clean(roomName) + ": /admit "
                    + argument(alert.name(), alert.member()) + " or /deny " + argument(alert.name(), alert.member());
            case REPORT -> name(nameOf.apply(alert.by()), alert.by()) + " reported message " + alert.seq()
                    + (alert.member() == null ? "" : " (from " + who + ")")
                    + (alert.reason() == null || alert.reason().isBlank() ? ""
                    : ". Reason: " + Transcript.clean(alert.reason()));
            case MOOD_SHARED -> who + " shared their check-in with you: " + SessionText.score(alert.value());
            case UNFACILITATED -> "no facilitator is left in " + Transcript.clean(roomName)
                    + "; its members were told and offered help";
            default -> (alert.kind() == AlertKind.UNKNOWN ? "an alert this client does not know yet"
                    : alert.kind().wireName()) + (alert.member() == null ? "" : " about " + who)
                    + " in " + Transcript.clean(roomName);
        };
    }

    /**
     * What changed in a member the room already knew; {@code before} may be null. Mute state
     * reaches facilitators and the member itself; the member has its notice, so it is shown
     * only to others.
     */
    static List<String> memberChanges(MemberInfo before, MemberInfo after, boolean self) {
        List<String> lines = new ArrayList<>(2);
        String name = Transcript.clean(after.name());
        boolean voiceBefore = before != null && before.voice();
        boolean handBefore = before != null && before.handRaised() != null;
        if (after.voice() && !voiceBefore) {
            lines.add("* " + name + " has the floor");
        } else if (!after.voice() && voiceBefore) {
            lines.add("* " + name + " no longer has the floor");
        }
        if (after.handRaised() != null && !handBefore) {
            lines.add("* " + name + " raised a hand");
        } else if (after.handRaised() == null && handBefore && !(after.voice() && !voiceBefore)) {
            lines.add("* " + name + "'s hand is down");
        }
        boolean mutedBefore = before != null && Boolean.TRUE.equals(before.muted());
        if (!self && after.muted() != null && after.muted() != mutedBefore) {
            lines.add("* " + name + (after.muted() ? " is muted (only facilitators see this)" : " can write again"));
        }
        return lines;
    }

    /** Lines for the settings that changed, in words everyone in the room understands. */
    static List<String> roomChanges(RoomInfo before, RoomInfo after) {
        List<String> lines = new ArrayList<>(2);
        if (before.locked() != after.locked()) {
            lines.add(after.locked() ? "* The room is now locked: nobody new can join for now."
                    : "* The room is open to new members again.");
        }
        if (before.slowModeSeconds() != after.slowModeSeconds()) {
            lines.add(after.slowModeSeconds() > 0
                    ? "* Slow mode: one message every " + duration(after.slowModeSeconds()) + " per member."
                    : "* Slow mode is off.");
        }
        if (before.moderated() != after.moderated()) {
            lines.add(after.moderated()
                    ? "* The room is now moderated: members write when given the floor (/hand asks for it)."
                    : "* The room is no longer moderated: everyone can write.");
        }
        if (before.admission() != after.admission() && after.admission() != null) {
            lines.add(after.admission() == Admission.APPROVAL
                    ? "* New members now wait for a facilitator to admit them."
                    : "* New members can join freely again.");
        }
        return lines;
    }

    /** How long until {@code untilMillis}, in words; at least one second. */
    static String remaining(long untilMillis, long nowMillis) {
        return duration(Math.max(1, Math.round((untilMillis - nowMillis) / 1000.0)));
    }

    /**
     * A duration in words: whole days, hours or minutes in the largest unit that divides them
     * ("1 minute", "90 minutes", "2 hours", "1 day"); under 90 seconds in seconds; any other length rounded
     * to the nearest minute, hour (from 90 minutes) or day (from 48 hours).
     */
    static String duration(long seconds) {
        long s = seconds;
        if (s < 60 || s < 90 && s % 60 != 0) {
            return plural(s, "second");
        } else if (s % 60 != 0) {
            long unit = s < 90 * 60 ? 60 : s < 48 * 3600 ? 3600 : 86400;
            s = Math.round((double) s / unit) * unit;
        }
        if (s % 86400 == 0) {
            return plural(s / 86400, "day");
        } else if (s % 3600 == 0) {
            return plural(s / 3600, "hour");
        }
        return plural(s / 60, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** A name as a command takes it: quoted when it has spaces. */
    static String argument(String name, String id) {
        String shown = name(name, id);
        return shown.chars().anyMatch(Character::isWhitespace) ? "\"" + shown + "\"" : shown;
    }

    private static String name(String name, String id) {
        return Transcript.clean(name != null && !name.isBlank() ? name : id == null ? "someone" : id);
    }

    static String names(List<MemberInfo> members) {
        return members.isEmpty() ? "none" : members.stream().map(m -> Transcript.clean(m.name()))
                .collect(Collectors.joining(", "));
    }
}
