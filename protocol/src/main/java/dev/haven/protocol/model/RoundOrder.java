package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** The order of turns in a round: as members joined the room, or shuffled. */
public enum RoundOrder implements WireEnum {
    JOIN, RANDOM,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoundOrder fromWire(String name) {
        return WireNames.parse(RoundOrder.class, name, "order");
    }
}
