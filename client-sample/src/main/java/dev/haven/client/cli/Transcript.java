package dev.haven.client.cli;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.PresenceEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the chat shows, line by line. Text that comes from other people or from the server is
 * cleaned first: control characters (escape sequences could take over the terminal) become
 * {@code ?}, and the lines of a multi-line message are indented under its first.
 */
final class Transcript {
    private static final String CONTINUATION = "\n    ";

    private final PrintStream out;

    Transcript(PrintStream out) {
        this.out = out;
    }

    void info(String text) {
        out.println(text);
    }

    /** {@code ! <code>: <message>} */
    void error(String code, String message) {
        out.println("! " + clean(code) + ": " + clean(message));
    }

    /**
     * {@code [seq] Name: text}; a message under a content warning shows only its label, and how
     * to open it, unless it is one's own.
     */
    void message(MessageEvent message, boolean mine) {
        String from = message.from() == null ? "?" : clean(message.from().name());
        String head = "[" + message.seq() + "] " + from + ": ";
        if (message.cw() == null) {
            out.println(head + cleanLines(message.text()));
        } else if (mine) {
            out.println(head + "[" + SessionText.cwLabel(message.cw()) + "] " + cleanLines(message.text()));
        } else {
            out.println(head + "[" + SessionText.cwLabel(message.cw()) + "] (hidden: /show " + message.seq()
                    + " to read it)");
        }
    }

    /**
     * {@code * Name joined} or {@code * Name left}; updates (hands, the floor, mutes) are worded
     * by {@link EventText#memberChanges} instead.
     */
    void presence(PresenceEvent presence) {
        switch (presence.event()) {
            case JOIN -> out.println("* " + clean(presence.member().name()) + " joined");
            case LEAVE -> out.println("* " + clean(presence.member().name()) + " left");
            case UPDATE, UNKNOWN -> { }
        }
    }

    void rooms(List<RoomInfo> rooms) {
        if (rooms.isEmpty()) {
            out.println("No rooms.");
            return;
        }
        out.println("Rooms:");
        for (RoomInfo room : rooms) {
            String category = room.category() == null || room.category() == RoomCategory.UNKNOWN ? "?"
                    : room.category().wireName();
            out.printf("  %-20s %s [%s] %d/%d%s - %s%s%n", clean(room.id()), clean(room.name()), category,
                    room.members(), room.capacity(), room.locked() ? " (locked)" : "", clean(room.topic()),
                    room.nextSession() == null ? "" : " (next session " + clean(room.nextSession()) + ")");
        }
    }

    void guidelines(RoomInfo room) {
        out.println("The guidelines of " + clean(room.name()) + ":");
        out.println("    " + cleanLines(room.guidelines().strip()));
    }

    void joined(CurrentRoom room, List<MessageEvent> history, boolean gap, String myId) {
        out.println("You joined " + clean(room.name()) + " (" + clean(room.id()) + "). Here now: "
                + names(room.members()) + ".");
        if (gap) {
            out.println("(Some earlier messages are no longer held.)");
        }
        history.forEach(m -> message(m, m.from() != null && m.from().id().equals(myId)));
    }

    /**
     * Who is here, with the facilitators, the floor, raised hands and (seen only by facilitators
     * and the member itself) mutes marked; then the hands in raise order and who waits to join.
     */
    void members(CurrentRoom room) {
        List<MemberInfo> members = room.members();
        out.println("In " + clean(room.name()) + " (" + members.size() + "): " + members.stream()
                .map(m -> clean(m.name()) + marks(m)).collect(Collectors.joining(", ")));
        List<MemberInfo> hands = room.raisedHands();
        if (!hands.isEmpty()) {
            out.println("Hands up, first raised first: " + EventText.names(hands));
        }
        if (!room.waiting().isEmpty()) {
            out.println("Waiting to be admitted: " + room.waiting().values().stream().map(Transcript::clean)
                    .collect(Collectors.joining(", ")) + " (/admit NAME or /deny NAME)");
        }
    }

    static String names(List<MemberInfo> members) {
        return members.stream()
                .map(m -> clean(m.name()) + (m.role().isStaff() ? " (" + m.role().wireName() + ")" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String marks(MemberInfo member) {
        List<String> marks = new ArrayList<>(3);
        if (member.role().isStaff()) {
            marks.add(member.role().wireName());
        }
        if (member.voice() && !member.role().isStaff()) {
            marks.add("has the floor");
        }
        if (member.handRaised() != null) {
            marks.add("hand up");
        }
        if (Boolean.TRUE.equals(member.muted())) {
            marks.add("muted");
        }
        return marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")";
    }

    /** One line of text safe for a terminal. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\t') {
                safe.append(' ');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append('?');
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /** Several lines of text safe for a terminal, the later ones indented. */
    static String cleanLines(String text) {
        if (text == null) {
            return "";
        }
        return text.lines().map(Transcript::clean).collect(Collectors.joining(CONTINUATION));
    }
}
