package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.haven.protocol.WireNames;

/** When in a session a mood check-in is taken. */
public enum MoodPhase {
    CHECK_IN, CHECK_OUT;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static MoodPhase fromWire(String name) {
        return WireNames.parse(MoodPhase.class, name, "phase");
    }
}
