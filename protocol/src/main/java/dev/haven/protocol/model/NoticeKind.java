package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** What a private {@code notice} tells the one member it concerns. */
public enum NoticeKind implements WireEnum {
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
    TURN_WARNING("turn_warning"),
    REACHING_OUT("reaching_out"),
    /** A scheduled room: when its session starts, to a member who came early. */
    SESSION_SCHEDULED("session_scheduled"),
    /** The operators archived the room: the member is out of it, and it is gone from the directory. */
    ROOM_ARCHIVED("room_archived"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    NoticeKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    @JsonCreator
    public static NoticeKind fromWire(String name) {
        for (NoticeKind value : values()) {
            if (value.wireName != null && value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown NoticeKind");
    }
}
