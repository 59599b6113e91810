package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.haven.protocol.WireNames;

/** The order of turns in a round: as members joined the room, or shuffled. */
public enum RoundOrder {
    JOIN, RANDOM;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RoundOrder fromWire(String name) {
        return WireNames.parse(RoundOrder.class, name, "order");
    }
}
