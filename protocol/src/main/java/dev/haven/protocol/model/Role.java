package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a user may do: every user is a member; a facilitator also keeps the group safe; a
 * supervisor receives escalated alerts from every room and facilitates in any room it joins.
 */
public enum Role {
    MEMBER("member"),
    FACILITATOR("facilitator"),
    SUPERVISOR("supervisor");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Facilitators and supervisors: those who keep a room safe. */
    public boolean isStaff() {
        return this != MEMBER;
    }

    @JsonCreator
    public static Role fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role");
    }
}
