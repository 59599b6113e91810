package dev.haven.protocol.server;

import dev.haven.protocol.model.Participation;
import java.util.List;

/**
 * @param dominant the ids of members whose share is more than twice an equal share among those
 *                 present and who sent at least 5 messages in the window
 */
public record StatsResult(long windowSeconds, List<Participation> members, List<String> dominant)
        implements Result {
    public StatsResult {
        members = List.copyOf(members);
        dominant = List.copyOf(dominant);
    }
}
