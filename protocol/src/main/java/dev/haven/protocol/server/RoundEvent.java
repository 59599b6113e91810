package dev.haven.protocol.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.haven.protocol.Fields;
import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.model.RoundState;
import java.util.List;

/**
 * A round as it stands, sent to everyone in the room at every change, and carried by a
 * {@code join} reply while a round runs. Whether a turn ended by {@code turn_done}, by a pass
 * or by running out of time is never said.
 *
 * @param speaker      whose turn it is (user id), or null
 * @param queue        the user ids still to speak after the speaker, in order; facilitators are
 *                     never in it
 * @param turnEndsAt   when the speaker's turn ends (epoch ms); null while paused or ended
 * @param remainingMs  while paused: what was left of the speaker's turn
 * @param turnSeconds  the time box of one turn
 * @param allowPass    whether the speaker may pass
 * @param talkingStick whether only the speaker and facilitators may send while it runs
 */
public record RoundEvent(String room, String roundId, RoundKind kind, String prompt,
                         @JsonInclude(JsonInclude.Include.ALWAYS) String speaker, List<String> queue,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Long turnEndsAt, RoundState state,
                         Long remainingMs, int turnSeconds, RoundOrder order, boolean allowPass,
                         boolean talkingStick) implements ServerMessage {
    public RoundEvent {
        Fields.requireText(room, "room");
        Fields.requireText(roundId, "roundId");
        Fields.require(kind, "kind");
        Fields.require(state, "state");
        queue = queue == null ? List.of() : List.copyOf(queue);
    }

    /** Keeps the prompt out of logs. */
    @Override
    public String toString() {
        return "RoundEvent[room=" + room + ", roundId=" + roundId + ", state=" + state + ", speaker=" + speaker + "]";
    }
}
