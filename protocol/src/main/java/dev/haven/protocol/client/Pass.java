package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

/**
 * The speaker passes its turn. Nobody else is told it was a pass: the round moves on as after
 * {@code turn_done}.
 */
public record Pass(String id, String room) implements SessionRequest {
    public Pass {
        requireText(room, "room");
    }

    @Override
    public Pass withId(String newId) {
        return new Pass(newId, room);
    }
}
