package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.haven.protocol.WireNames;

/**
 * Where a room's session stands: waiting for a facilitator to open it, open, or open while no
 * facilitator is present.
 */
public enum RoomState {
    LOBBY, OPEN, UNFACILITATED;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoomState fromWire(String name) {
        return WireNames.parse(RoomState.class, name, "state");
    }
}
