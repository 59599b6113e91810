package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** How members get into a room: straight away, or once a facilitator admits them. */
public enum Admission implements WireEnum {
    OPEN("open"),
    APPROVAL("approval"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    Admission(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    @JsonCreator
    public static Admission fromWire(String name) {
        for (Admission admission : values()) {
            if (admission.wireName != null && admission.wireName.equals(name)) {
                return admission;
            }
        }
        throw new IllegalArgumentException("admission must be open or approval");
    }
}
