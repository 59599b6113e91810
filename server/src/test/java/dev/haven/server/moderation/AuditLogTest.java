package dev.haven.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void newest_listsEntriesNewestFirstWithEveryField() {
        AuditLog log = new AuditLog(10);
        log.record(1000, "fac", "Fran", "mute", "bob", "Bob", "shouting");
        log.record(2000, "fac", "Fran", "set_room", null, null, "locked=true");

        assertThat(log.newest(10)).containsExactly(
                new AuditEntry(2000, "fac", "set_room", null, "locked=true", "Fran", null),
                new AuditEntry(1000, "fac", "mute", "bob", "shouting", "Fran", "Bob"));
    }

    @Test
    void record_pastCapacity_dropsTheOldest() {
        AuditLog log = new AuditLog(3);
        for (int i = 1; i <= 5; i++) {
            log.record(i, "fac", null, "warn", "u" + i, null, null);
        }

        assertThat(log.newest(100)).extracting(AuditEntry::target).containsExactly("u5", "u4", "u3");
    }

    @Test
    void newest_limit_returnsOnlyTheNewest() {
        AuditLog log = new AuditLog(10);
        for (int i = 1; i <= 5; i++) {
            log.record(i, "fac", null, "warn", "u" + i, null, null);
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
        log.record(1, "fac", null, "ban", "bob", null, null);
        log.clear();
        assertThat(log.newest(5)).isEmpty();
    }

    @Test
    void lastNameOf_isTheNameTheNewestEntryGivesAsActorOrTarget() {
        AuditLog log = new AuditLog(10);
        log.record(1, "fac", "Fran", "mute", "bob", "Bob", null);
        log.record(2, "bob", "Bobby", "delete", "bob", "Bobby", "own message");
        log.record(3, "fac", "Fran", "unban", "ann", null, null);

        assertThat(log.lastNameOf("bob")).isEqualTo("Bobby");
        assertThat(log.lastNameOf("fac")).isEqualTo("Fran");
        assertThat(log.lastNameOf("ann")).isNull();
        assertThat(log.lastNameOf("nobody")).isNull();
    }

    @Test
    void record_manyEntries_staysBounded() {
        AuditLog log = new AuditLog(500);
        for (int i = 0; i < 5000; i++) {
            log.record(i, "fac", null, "mute", "u" + i, null, null);
        }
        assertThat(log.newest(10_000)).hasSize(500).first().extracting(AuditEntry::ts).isEqualTo(4999L);
    }
}
