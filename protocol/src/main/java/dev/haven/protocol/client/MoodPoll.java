package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalDuration;
import static dev.haven.protocol.Fields.require;
import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.model.MoodPhase;

/**
 * Open a mood check-in (facilitator). A check-in still open closes first, with its summary.
 *
 * @param closesInSeconds how long members may answer, 1 to {@link #MAX_SECONDS}; null for
 *                        {@link #DEFAULT_SECONDS}
 */
public record MoodPoll(String id, String room, MoodPhase phase, Long closesInSeconds) implements SessionRequest {
    public static final long DEFAULT_SECONDS = 60;
    public static final long MAX_SECONDS = 15 * 60;

    public MoodPoll {
        requireText(room, "room");
        require(phase, "phase");
        optionalDuration(closesInSeconds, "closesInSeconds", MAX_SECONDS);
    }

    @Override
    public MoodPoll withId(String newId) {
        return new MoodPoll(newId, room, phase, closesInSeconds);
    }
}
