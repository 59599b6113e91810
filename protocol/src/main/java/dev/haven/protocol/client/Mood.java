package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.InvalidFieldException;

/**
 * Answer a mood check-in. Answering again replaces the earlier answer.
 *
 * @param value                1 (very low) to 5 (very good), or null to take part without a score
 * @param shareWithFacilitator whether the room's facilitators may see this answer as one's own;
 *                             otherwise it only counts in the summary
 */
public record Mood(String id, String room, String pollId, Integer value, Boolean shareWithFacilitator)
        implements SessionRequest {
    public static final int MIN_VALUE = 1;
    public static final int MAX_VALUE = 5;

    public Mood {
        requireText(room, "room");
        requireText(pollId, "pollId");
        if (value != null && (value < MIN_VALUE || value > MAX_VALUE)) {
            throw new InvalidFieldException("field 'value' must be " + MIN_VALUE + " to " + MAX_VALUE + ", or null");
        }
    }

    @Override
    public Mood withId(String newId) {
        return new Mood(newId, room, pollId, value, shareWithFacilitator);
    }

    /** Keeps the member's mood out of logs. */
    @Override
    public String toString() {
        return "Mood[id=" + id + ", room=" + room + ", pollId=" + pollId + "]";
    }
}
