package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** When in a session a mood check-in is taken. */
public enum MoodPhase implements WireEnum {
    CHECK_IN, CHECK_OUT,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static MoodPhase fromWire(String name) {
        return WireNames.parse(MoodPhase.class, name, "phase");
    }
}
