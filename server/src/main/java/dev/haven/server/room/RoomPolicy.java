package dev.haven.server.room;

import dev.haven.protocol.model.Admission;

/**
 * The settings facilitators change while a room runs ({@code set_room}); replaced whole on
 * each change.
 */
record RoomPolicy(boolean locked, int slowModeSeconds, boolean moderated, Admission admission) {
    RoomPolicy with(Boolean newLocked, Integer newSlowMode, Boolean newModerated, Admission newAdmission) {
        return new RoomPolicy(newLocked != null ? newLocked : locked,
                newSlowMode != null ? newSlowMode : slowModeSeconds,
                newModerated != null ? newModerated : moderated,
                newAdmission != null ? newAdmission : admission);
    }
}
