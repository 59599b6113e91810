package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** The kinds of support group. */
public enum RoomCategory implements WireEnum {
    /** A group about one condition: anxiety, depression, grief, addiction. */
    CONDITION("condition"),
    /** A group for people who share a background: veterans, LGBTQ+ people, older adults. */
    DEMOGRAPHIC("demographic"),
    /** An open drop-in group. */
    GENERAL("general"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    RoomCategory(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    @JsonCreator
    public static RoomCategory fromWire(String name) {
        for (RoomCategory category : values()) {
            if (category.wireName != null && category.wireName.equals(name)) {
                return category;
            }
        }
        throw new IllegalArgumentException("category must be condition, demographic or general");
    }
}
