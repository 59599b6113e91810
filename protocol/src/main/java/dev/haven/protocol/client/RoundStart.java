package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalDuration;
import static dev.haven.protocol.Fields.require;
import static dev.haven.protocol.Fields.requireReason;
import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;

/**
 * Start a round (facilitator): every member present takes a turn, one at a time. A round
 * already running ends first.
 *
 * @param prompt       what each member speaks to, at most 500 characters
 * @param turnSeconds  the time box of one turn, 1 to {@link #MAX_TURN_SECONDS}; null for
 *                     {@link #DEFAULT_TURN_SECONDS}
 * @param order        {@code join} (the order members joined the room, the default) or {@code random}
 * @param allowPass    whether the speaker may pass; null for yes
 * @param talkingStick whether only the speaker and facilitators may send; null for no
 */
public record RoundStart(String id, String room, RoundKind kind, String prompt, Long turnSeconds, RoundOrder order,
                         Boolean allowPass, Boolean talkingStick) implements SessionRequest {
    public static final long DEFAULT_TURN_SECONDS = 120;
    public static final long MAX_TURN_SECONDS = 15 * 60;

    public RoundStart {
        requireText(room, "room");
        require(kind, "kind");
        prompt = requireReason(prompt, "prompt");
        optionalDuration(turnSeconds, "turnSeconds", MAX_TURN_SECONDS);
    }

    @Override
    public RoundStart withId(String newId) {
        return new RoundStart(newId, room, kind, prompt, turnSeconds, order, allowPass, talkingStick);
    }

    /** Keeps the prompt out of logs. */
    @Override
    public String toString() {
        return "RoundStart[id=" + id + ", room=" + room + ", kind=" + kind.wireName() + "]";
    }
}
