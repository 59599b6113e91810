package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/**
 * Where a room's session stands: waiting for a facilitator to open it, open, or open while no
 * facilitator is present.
 */
public enum RoomState implements WireEnum {
    LOBBY, OPEN, UNFACILITATED,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoomState fromWire(String name) {
        return WireNames.parse(RoomState.class, name, "state");
    }
}
