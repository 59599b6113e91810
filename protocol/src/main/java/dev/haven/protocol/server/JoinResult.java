package dev.haven.protocol.server;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.RoomInfo;
import java.util.List;

/**
 * The reply to {@code join}: either the room with its presence and history, or, in a room that
 * admits by approval, {@code waiting: true} alone.
 *
 * @param members  the presence list
 * @param history  the held messages (all after {@code since} when the join gave one)
 * @param seq      the room's latest sequence number
 * @param gap      true when messages after {@code since} are no longer held
 * @param waiting  true when the member waits for a facilitator to admit it
 * @param round    the round running or paused now, as its last {@code round} event; null when none
 * @param moodPoll the mood check-in open now, as its {@code mood_poll} event; null when none
 */
public record JoinResult(
        RoomInfo room,
        List<MemberInfo> members,
        List<MessageEvent> history,
        Long seq,
        Boolean gap,
        Boolean waiting,
        RoundEvent round,
        MoodPollEvent moodPoll) implements Result {

    public JoinResult {
        members = members == null ? null : List.copyOf(members);
        history = history == null ? null : List.copyOf(history);
    }

    public static JoinResult joined(RoomInfo room, List<MemberInfo> members, List<MessageEvent> history, long seq,
                                    boolean gap) {
        return joined(room, members, history, seq, gap, null, null);
    }

    public static JoinResult joined(RoomInfo room, List<MemberInfo> members, List<MessageEvent> history, long seq,
                                    boolean gap, RoundEvent round, MoodPollEvent moodPoll) {
        return new JoinResult(room, members, history, seq, gap, null, round, moodPoll);
    }

    public static JoinResult waitingForAdmission() {
        return new JoinResult(null, null, null, null, null, true, null, null);
    }
}
