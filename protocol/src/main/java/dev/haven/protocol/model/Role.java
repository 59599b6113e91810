package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/**
 * What a user may do: every user is a member; a facilitator also keeps the group safe; a
 * supervisor receives escalated alerts from every room and facilitates in any room it joins; an
 * admin operates the service through the admin API.
 */
public enum Role implements WireEnum {
    MEMBER("member"),
    FACILITATOR("facilitator"),
    SUPERVISOR("supervisor"),
    /**
     * An operator of the service, for the admin API only: a {@code hello} with an admin token is
     * refused, so this role is never seen over the WebSocket.
     */
    ADMIN("admin"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    /** Facilitators and supervisors: those who keep a room safe. */
    public boolean isStaff() {
        return this == FACILITATOR || this == SUPERVISOR;
    }

    @JsonCreator
    public static Role fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName != null && role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role");
    }
}
