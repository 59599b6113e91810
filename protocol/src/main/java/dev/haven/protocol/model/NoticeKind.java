package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a private {@code notice} tells the one member it concerns. */
public enum NoticeKind {
    MUTED("muted"),
    UNMUTED("unmuted"),
    REMOVED("removed"),
    BANNED("banned"),
    WARNING("warning"),
    VOICE("voice"),
    ADMITTED("admitted"),
    DENIED("denied"),
    SUPPORT("support"),
    UNFACILITATED("unfacilitated"),
    SESSION_CLOSING("session_closing"),
    SESSION_CLOSED("session_closed"),
    TURN_WARNING("turn_warning");

    private final String wireName;

    NoticeKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static NoticeKind fromWire(String name) {
        for (NoticeKind value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown NoticeKind");
    }
}
