package dev.haven.protocol.server;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.RoomInfo;
import java.util.List;

/**
 * @param members the presence list
 * @param history the held messages (all after {@code since} when the join gave one)
 * @param seq     the room's latest sequence number
 * @param gap     true when messages after {@code since} are no longer held
 */
public record JoinResult(
        RoomInfo room,
        List<MemberInfo> members,
        List<MessageEvent> history,
        long seq,
        boolean gap) implements Result {

    public JoinResult {
        members = List.copyOf(members);
        history = List.copyOf(history);
    }
}
