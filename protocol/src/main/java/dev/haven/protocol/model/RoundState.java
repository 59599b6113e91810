package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** Whether a round runs, waits for a facilitator to come back, or is over. */
public enum RoundState implements WireEnum {
    RUNNING, PAUSED, ENDED,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoundState fromWire(String name) {
        return WireNames.parse(RoundState.class, name, "state");
    }
}
