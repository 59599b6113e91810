package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** What an {@code alert} tells a room's facilitators. */
public enum AlertKind implements WireEnum {
    REPORT("report"),
    HAND_RAISED("hand_raised"),
    WAITING("waiting"),
    CRISIS("crisis"),
    CRISIS_UPDATE("crisis_update"),
    REQUEST_FACILITATOR("request_facilitator"),
    REQUEST_FACILITATOR_UPDATE("request_facilitator_update"),
    UNFACILITATED("unfacilitated"),
    MOOD_SHARED("mood_shared"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    AlertKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    @JsonCreator
    public static AlertKind fromWire(String name) {
        for (AlertKind value : values()) {
            if (value.wireName != null && value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown AlertKind");
    }
}
