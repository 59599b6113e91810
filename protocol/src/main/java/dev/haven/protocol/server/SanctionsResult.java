package dev.haven.protocol.server;

import dev.haven.protocol.model.Sanction;
import java.util.List;

/** The reply to {@code sanctions}: every mute and ban in force in the room, present members or not. */
public record SanctionsResult(List<Sanction> muted, List<Sanction> banned) implements Result {
    public SanctionsResult {
        muted = List.copyOf(muted);
        banned = List.copyOf(banned);
    }
}
