package dev.haven.client.cli;

import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.Participation;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.StatsResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The facilitators' tables: participation ({@code /stats}) and the moderation log ({@code /audit}). */
final class ModerationTables {
    static final String DOMINANT_MARK = "<- dominant";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ModerationTables() {
    }

    /**
     * @param present the ids of members in the room now; others spoke in the window and left
     * @param myId    the viewer's own user id
     */
    static List<String> stats(StatsResult stats, String roomName, Set<String> present, String myId) {
        List<String> lines = new ArrayList<>();
        lines.add("Participation in " + Transcript.clean(roomName) + " over the last "
                + EventText.duration(stats.windowSeconds()) + ":");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "messages", "chars", "share", ""));
        for (Participation member : stats.members()) {
            String name = Transcript.clean(member.name() == null ? member.id() : member.name())
                    + (member.id().equals(myId) ? " (you)" : present.contains(member.id()) ? "" : " (left)");
            String mark = stats.dominant().contains(member.id()) ? DOMINANT_MARK : "";
            rows.add(List.of(name, Integer.toString(member.messages()), Long.toString(member.chars()),
                    Math.round(member.share() * 100) + "%", mark));
        }
        lines.addAll(table(rows, Set.of(1, 2, 3)));
        if (stats.members().stream().allMatch(m -> m.messages() == 0)) {
            lines.add("Nobody has written in this window.");
        }
        lines.add("Dominant: more than twice an equal share of the characters among those present, and at least");
        lines.add("5 messages in the window. Someone quiet may welcome an invitation to speak.");
        return lines;
    }

    /**
     * @param nameOf the name of a user id the chat has seen, else null
     * @param zone   the zone the times are shown in
     */
    static List<String> audit(AuditResult audit, String roomName, Function<String, String> nameOf, ZoneId zone,
                              Instant now) {
        if (audit.entries().isEmpty()) {
            return List.of("No moderation actions in " + Transcript.clean(roomName) + " yet.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("Moderation log of " + Transcript.clean(roomName) + ", newest first:");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("time", "actor", "action", "target", "reason"));
        LocalDate today = now.atZone(zone).toLocalDate();
        for (AuditEntry entry : audit.entries()) {
            ZonedDateTime at = Instant.ofEpochMilli(entry.ts()).atZone(zone);
            rows.add(List.of(at.toLocalDate().equals(today) ? TIME.format(at) : DATE_TIME.format(at),
                    who(entry.actor(), entry.actorName(), nameOf), Transcript.clean(entry.action()),
                    who(entry.target(), entry.targetName(), nameOf),
                    entry.reason() == null ? "" : Transcript.clean(entry.reason())));
        }
        lines.addAll(table(rows, Set.of()));
        return lines;
    }

    /** The name the entry gives (as it was then), else the one the chat knows, else the id. */
    private static String who(String id, String recorded, Function<String, String> nameOf) {
        if (id == null) {
            return "-";
        }
        String name = recorded != null ? recorded : nameOf.apply(id);
        return Transcript.clean(name == null ? id : name);
    }

    /** Rows as aligned columns, indented by two spaces; the first row is the header. */
    static List<String> table(List<List<String>> rows, Set<Integer> rightAligned) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - width(cell));
                line.append("  ").append(rightAligned.contains(c) ? pad + cell : cell + pad);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
