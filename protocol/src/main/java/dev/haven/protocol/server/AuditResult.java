package dev.haven.protocol.server;

import dev.haven.protocol.model.AuditEntry;
import java.util.List;

/** The moderation log, newest first. */
public record AuditResult(List<AuditEntry> entries) implements Result {
    public AuditResult {
        entries = List.copyOf(entries);
    }
}
