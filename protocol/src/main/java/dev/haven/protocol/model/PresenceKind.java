package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** What a {@code presence} event announces. */
public enum PresenceKind implements WireEnum {
    JOIN("join"),
    LEAVE("leave"),
    UPDATE("update"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    PresenceKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    @JsonCreator
    public static PresenceKind fromWire(String name) {
        for (PresenceKind kind : values()) {
            if (kind.wireName != null && kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown presence event");
    }
}
