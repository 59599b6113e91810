package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.InvalidFieldException;
import dev.haven.protocol.model.Admission;

/**
 * Change a room's settings (facilitator); fields left out stay as they are.
 *
 * @param locked          no new members may join
 * @param slowModeSeconds at most one message per member per that many seconds; 0 turns it off
 * @param moderated       only facilitators and members with voice may send
 * @param guidelines      new group guidelines, at most {@link #MAX_GUIDELINES_CHARS} characters:
 *                        the room's {@code guidelinesVersion} rises and members accept them again
 */
public record SetRoom(String id, String room, Boolean locked, Integer slowModeSeconds, Boolean moderated,
                      Admission admission, String guidelines) implements RoomRequest {
    public static final int MAX_SLOW_MODE_SECONDS = 3600;
    public static final int MAX_GUIDELINES_CHARS = 4000;

    public SetRoom {
        requireText(room, "room");
        if (slowModeSeconds != null && (slowModeSeconds < 0 || slowModeSeconds > MAX_SLOW_MODE_SECONDS)) {
            throw new InvalidFieldException("field 'slowModeSeconds' must be 0 to " + MAX_SLOW_MODE_SECONDS);
        }
        if (guidelines != null) {
            guidelines = requireText(guidelines, "guidelines").strip();
            if (guidelines.codePointCount(0, guidelines.length()) > MAX_GUIDELINES_CHARS) {
                throw new InvalidFieldException("field 'guidelines' must be at most " + MAX_GUIDELINES_CHARS
                        + " characters");
            }
        }
        if (locked == null && slowModeSeconds == null && moderated == null && admission == null && guidelines == null) {
            throw new InvalidFieldException(
                    "set_room needs at least one of locked, slowModeSeconds, moderated, admission, guidelines");
        }
    }

    public SetRoom(String id, String room, Boolean locked, Integer slowModeSeconds, Boolean moderated,
                   Admission admission) {
        this(id, room, locked, slowModeSeconds, moderated, admission, null);
    }

    @Override
    public SetRoom withId(String newId) {
        return new SetRoom(newId, room, locked, slowModeSeconds, moderated, admission, guidelines);
    }
}
