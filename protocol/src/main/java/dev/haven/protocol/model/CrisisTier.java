package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How urgent a {@code crisis} alert is: {@code high} for a plan, a method, a time or a stated
 * intent; {@code concern} for the rest. Never shown to the member, and never a score.
 */
public enum CrisisTier {
    CONCERN("concern"),
    HIGH("high");

    private final String wireName;

    CrisisTier(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static CrisisTier fromWire(String name) {
        for (CrisisTier value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown CrisisTier");
    }
}
