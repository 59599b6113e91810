package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/**
 * How urgent a {@code crisis} alert is: {@code high} for a plan, a method, a time or a stated
 * intent; {@code concern} for the rest. Never shown to the member, and never a score.
 */
public enum CrisisTier implements WireEnum {
    CONCERN("concern"),
    HIGH("high"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    CrisisTier(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    @JsonCreator
    public static CrisisTier fromWire(String name) {
        for (CrisisTier value : values()) {
            if (value.wireName != null && value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown CrisisTier");
    }
}
