package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.haven.protocol.WireNames;

/** What a round is for: arriving, leaving, or going round the group on a prompt. */
public enum RoundKind {
    CHECK_IN, CHECK_OUT, GO_ROUND;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoundKind fromWire(String name) {
        return WireNames.parse(RoundKind.class, name, "kind");
    }
}
