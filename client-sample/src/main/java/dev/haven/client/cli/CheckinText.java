package dev.haven.client.cli;

import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.CheckinMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words for private check-ins. Every line starts with {@code [private #N]} so it cannot be
 * taken for the room's conversation, and says who can read it. Text from people is cleaned for
 * the terminal here.
 */
final class CheckinText {
    private CheckinText() {
    }

    static String head(int number) {
        return "[private #" + number + "] ";
    }

    /** A check-in the chat did not know: who it is with, who can read it, how to answer. */
    static List<String> opened(ChatCheckins.Entry entry, String myId, String roomName) {
        CheckinInfo info = entry.info();
        String head = head(entry.number());
        List<String> lines = new ArrayList<>();
        if (info.member().id().equals(myId)) {
            lines.add(head + name(info.openedBy()) + " opened a private check-in with you from "
                    + Transcript.clean(roomName) + ". Only you and the group's staff (" + staff(info)
                    + ") can read it; nobody else in the group knows about it.");
        } else {
            lines.add(head + "Private check-in with " + name(info.member()) + " in " + Transcript.clean(roomName)
                    + ", opened by " + name(info.openedBy()) + ". In it: " + staff(info) + ".");
        }
        if (Boolean.TRUE.equals(info.awaitingWitness())) {
            lines.add(head + "This group asks for two staff members in a check-in before anyone writes;"
                    + " waiting for a second one to join.");
        }
        lines.add(head + "Write with /reply " + entry.number() + " TEXT, or /reply " + entry.number()
                + " to write every line there" + (info.member().id().equals(myId) ? "."
                : "; /endcheckin " + entry.number() + " [resolved|referred|emergency|no_reply] to close it."));
        return lines;
    }

    /** What changed in a check-in the chat knew: someone joined, a second staff member arrived. */
    static List<String> changed(CheckinInfo before, ChatCheckins.Entry now) {
        List<String> lines = new ArrayList<>();
        List<String> had = before.staff().stream().map(UserInfo::id).toList();
        for (UserInfo staff : now.info().staff()) {
            if (!had.contains(staff.id())) {
                lines.add(head(now.number()) + name(staff) + " joined the check-in.");
            }
        }
        if (Boolean.TRUE.equals(before.awaitingWitness()) && !Boolean.TRUE.equals(now.info().awaitingWitness())) {
            lines.add(head(now.number()) + "A second staff member is here: you can write now.");
        }
        return lines;
    }

    static String message(CheckinMessage message, int number, boolean mine) {
        return head(number) + (mine ? "You" : name(message.from())) + ": " + Transcript.cleanLines(message.text());
    }

    /** @param closedBy who closed it; null when the server did (the session closed, or it lay idle) */
    static String closed(int number, UserInfo closedBy, boolean byMe) {
        return head(number) + "The check-in has ended" + (byMe ? "." : closedBy == null
                ? " (the session closed, or nobody wrote for a long while); what was said in it is deleted."
                : ": " + name(closedBy) + " closed it; what was said in it is deleted.");
    }

    static String endedWhileAway(int number) {
        return head(number) + "The check-in ended while you were disconnected; what was said in it is deleted.";
    }

    /** {@code /checkins}: one line per check-in. */
    static List<String> list(List<ChatCheckins.Entry> entries, String myId) {
        if (entries.isEmpty()) {
            return List.of("You are in no private check-in.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("Private check-ins:");
        for (ChatCheckins.Entry entry : entries) {
            CheckinInfo info = entry.info();
            String with = info.member().id().equals(myId) ? "with the group's staff (" + staff(info) + ")"
                    : "with " + name(info.member()) + " (staff: " + staff(info) + ")";
            lines.add("  #" + entry.number() + " " + with + ", " + info.seq() + " message"
                    + (info.seq() == 1 ? "" : "s") + (Boolean.TRUE.equals(info.awaitingWitness())
                    ? ", waiting for a second staff member" : ""));
        }
        return lines;
    }

    private static String staff(CheckinInfo info) {
        return info.staff().stream().map(CheckinText::name).collect(Collectors.joining(", "));
    }

    private static String name(UserInfo user) {
        return Transcript.clean(user.name()) + (user.role().isStaff() ? " (" + user.role().displayName() + ")" : "");
    }
}
