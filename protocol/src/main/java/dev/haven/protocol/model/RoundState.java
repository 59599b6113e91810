package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.haven.protocol.WireNames;

/** Whether a round runs, waits for a facilitator to come back, or is over. */
public enum RoundState {
    RUNNING, PAUSED, ENDED;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoundState fromWire(String name) {
        return WireNames.parse(RoundState.class, name, "state");
    }
}
