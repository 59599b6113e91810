package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** What a round is for: arriving, leaving, or going round the group on a prompt. */
public enum RoundKind implements WireEnum {
    CHECK_IN, CHECK_OUT, GO_ROUND,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoundKind fromWire(String name) {
        return WireNames.parse(RoundKind.class, name, "kind");
    }
}
