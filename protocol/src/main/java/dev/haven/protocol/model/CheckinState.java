package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** Whether a check-in is going on, or has ended (its messages are gone with it). */
public enum CheckinState implements WireEnum {
    OPEN, CLOSED,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static CheckinState fromWire(String name) {
        return WireNames.parse(CheckinState.class, name, "state");
    }
}
