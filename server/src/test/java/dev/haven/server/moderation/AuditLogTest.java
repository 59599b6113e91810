package dev.haven.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void newest_listsEntriesNewestFirstWithEveryField() {
        AuditLog log = new AuditLog(10);
        log.record(1000, "fac", "mute", "bob", "shouting");
        log.record(2000, "fac", "set_room", null, "locked=true");

        assertThat(log.newest(10)).containsExactly(
                new AuditEntry(2000, "fac", "set_room", null, "locked=true"),
                new AuditEntry(1000, "fac", "mute", "bob", "shouting"));
    }

    @Test
    void record_pastCapacity_dropsTheOldest() {
        AuditLog log = new AuditLog(3);
        for (int i = 1; i <= 5; i++) {
            log.record(i, "fac", "warn", "u" + i, null);
        }

        assertThat(log.newest(100)).extracting(AuditEntry::target).containsExactly("u5", "u4", "u3");
    }

    @Test
    void newest_limit_returnsOnlyTheNewest() {
        AuditLog log = new AuditLog(10);
        for (int i = 1; i <= 5; i++) {
            log.record(i, "fac", "warn", "u" + i, null);
        }

        assertThat(log.newest(2)).extracting(AuditEntry::target).containsExactly("u5", "u4");
        assertThat(log.newest(1)).extracting(AuditEntry::target).containsExactly("u5");
    }

    @Test
    void newest_empty_isEmpty() {
        assertThat(new AuditLog(5).newest(5)).isEmpty();
    }

    @Test
    void clear_forgetsEverything() {
        AuditLog log = new AuditLog(5);
        log.record(1, "fac", "ban", "bob", null);
        log.clear();
        assertThat(log.newest(5)).isEmpty();
    }

    @Test
    void record_manyEntries_staysBounded() {
        AuditLog log = new AuditLog(500);
        for (int i = 0; i < 5000; i++) {
            log.record(i, "fac", "mute", "u" + i, null);
        }
        assertThat(log.newest(10_000)).hasSize(500).first().extracting(AuditEntry::ts).isEqualTo(4999L);
    }
}
