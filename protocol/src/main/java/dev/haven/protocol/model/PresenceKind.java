package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@code presence} event announces. */
public enum PresenceKind {
    JOIN("join"),
    LEAVE("leave"),
    UPDATE("update");

    private final String wireName;

    PresenceKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static PresenceKind fromWire(String name) {
        for (PresenceKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown presence event");
    }
}
