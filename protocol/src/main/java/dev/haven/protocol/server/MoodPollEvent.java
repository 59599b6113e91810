package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.MoodPhase;

/**
 * A facilitator opened a mood check-in; everyone in the room may answer with {@code mood}
 * until {@code closesAt}. A {@code join} reply carries the check-in still open.
 *
 * @param closesAt when it closes and its summary goes out (epoch ms)
 */
public record MoodPollEvent(String room, String pollId, MoodPhase phase, long closesAt) implements ServerMessage {
    public MoodPollEvent {
        Fields.requireText(room, "room");
        Fields.requireText(pollId, "pollId");
        Fields.require(phase, "phase");
    }
}
