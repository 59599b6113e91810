package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.require;
import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.model.AlertAction;

/**
 * Acknowledge a {@code crisis} or {@code request_facilitator} alert (a facilitator of the
 * room, or a supervisor). Every facilitator of the room receives the update.
 */
public record AckAlert(String id, String room, String alertId, AlertAction action) implements CareRequest {
    public AckAlert {
        requireText(room, "room");
        requireText(alertId, "alertId");
        require(action, "action");
    }

    @Override
    public AckAlert withId(String newId) {
        return new AckAlert(newId, room, alertId, action);
    }
}
