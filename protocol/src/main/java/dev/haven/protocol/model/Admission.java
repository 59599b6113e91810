package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How members get into a room: straight away, or once a facilitator admits them. */
public enum Admission {
    OPEN("open"),
    APPROVAL("approval");

    private final String wireName;

    Admission(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Admission fromWire(String name) {
        for (Admission admission : values()) {
            if (admission.wireName.equals(name)) {
                return admission;
            }
        }
        throw new IllegalArgumentException("admission must be open or approval");
    }
}
