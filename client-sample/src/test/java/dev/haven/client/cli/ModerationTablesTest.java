package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.Participation;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.StatsResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facilitators' tables, aligned, with dominant members marked and ids turned into names. */
class ModerationTablesTest {
    @Test
    void stats_showsEveryMembersPart_andMarksTheDominantOnes() {
        StatsResult stats = new StatsResult(900, List.of(
                new Participation("g-1", "Sam", 6, 240, 0.8),
                new Participation("g-2", "Alex", 1, 60, 0.2),
                new Participation("fac-1", "Fran", 0, 0, 0),
                new Participation("g-3", "Robin", 2, 0, 0)), List.of("g-1"));

        List<String> lines = ModerationTables.stats(stats, "Lounge", Set.of("g-1", "g-2", "fac-1"), "fac-1");

        assertThat(lines).startsWith("Participation in Lounge over the last 15 minutes:",
                "  name          messages  chars  share",
                "  Sam                  6    240    80%  <- dominant",
                "  Alex                 1     60    20%",
                "  Fran (you)           0      0     0%",
                "  Robin (left)         2      0     0%");
        assertThat(lines.get(lines.size() - 2)).startsWith("Dominant: more than twice an equal share");
    }

    @Test
    void audit_keepsTheServersNewestFirstOrder_andNamesWhomItCan() {
        long at = Instant.parse("2026-03-01T14:05:09Z").toEpochMilli();
        AuditResult audit = new AuditResult(List.of(
                new AuditEntry(at + 2000, "fac-1", "set_room", null, "locked=true"),
                new AuditEntry(at + 1000, "fac-1", "remove", "g-1", "needs a break"),
                new AuditEntry(at, "fac-1", "mute", "g-7", null)));

        List<String> lines = ModerationTables.audit(audit, "Lounge", Map.of("fac-1", "Fran", "g-1", "Sam")::get,
                ZoneOffset.UTC, Instant.parse("2026-03-01T18:00:00Z"));

        assertThat(lines).containsExactly("Moderation log of Lounge, newest first:",
                "  time      actor  action    target  reason",
                "  14:05:11  Fran   set_room  -       locked=true",
                "  14:05:10  Fran   remove    Sam     needs a break",
                "  14:05:09  Fran   mute      g-7");
    }

    @Test
    void audit_olderDaysShowTheDate_andAnEmptyLogSaysSo() {
        AuditResult audit = new AuditResult(List.of(new AuditEntry(Instant.parse("2026-02-27T09:30:00Z").toEpochMilli(),
                "fac-1", "unban", "g-1", null)));

        assertThat(ModerationTables.audit(audit, "Lounge", id -> null, ZoneOffset.UTC,
                Instant.parse("2026-03-01T18:00:00Z"))).contains("  2026-02-27 09:30  fac-1  unban   g-1");
        assertThat(ModerationTables.audit(new AuditResult(List.of()), "Lounge", id -> null, ZoneOffset.UTC,
                Instant.now())).containsExactly("No moderation actions in Lounge yet.");
    }
}
