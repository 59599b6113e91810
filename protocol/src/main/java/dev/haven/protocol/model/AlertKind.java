package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an {@code alert} tells a room's facilitators. */
public enum AlertKind {
    REPORT("report"),
    HAND_RAISED("hand_raised"),
    WAITING("waiting"),
    CRISIS("crisis"),
    CRISIS_UPDATE("crisis_update"),
    REQUEST_FACILITATOR("request_facilitator"),
    REQUEST_FACILITATOR_UPDATE("request_facilitator_update"),
    UNFACILITATED("unfacilitated"),
    MOOD_SHARED("mood_shared");

    private final String wireName;

    AlertKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AlertKind fromWire(String name) {
        for (AlertKind value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown AlertKind");
    }
}
