package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of support group. */
public enum RoomCategory {
    /** A group about one condition: anxiety, depression, grief, addiction. */
    CONDITION("condition"),
    /** A group for people who share a background: veterans, LGBTQ+ people, older adults. */
    DEMOGRAPHIC("demographic"),
    /** An open drop-in group. */
    GENERAL("general");

    private final String wireName;

    RoomCategory(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static RoomCategory fromWire(String name) {
        for (RoomCategory category : values()) {
            if (category.wireName.equals(name)) {
                return category;
            }
        }
        throw new IllegalArgumentException("category must be condition, demographic or general");
    }
}
