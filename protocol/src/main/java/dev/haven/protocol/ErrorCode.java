package dev.haven.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The closed list of error codes an {@code error} reply may carry, with their wire names. */
public enum ErrorCode {
    BAD_REQUEST("bad_request"),
    UNKNOWN_TYPE("unknown_type"),
    UNAUTHENTICATED("unauthenticated"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not_found"),
    NOT_IN_ROOM("not_in_room"),
    MUTED("muted"),
    BANNED("banned"),
    ROOM_LOCKED("room_locked"),
    ROOM_FULL("room_full"),
    NO_VOICE("no_voice"),
    SLOW_MODE("slow_mode"),
    RATE_LIMITED("rate_limited"),
    TOO_LARGE("too_large"),
    GUIDELINES_REQUIRED("guidelines_required"),
    SESSION_NOT_OPEN("session_not_open"),
    NOT_YOUR_TURN("not_your_turn"),
    WITNESS_REQUIRED("witness_required"),
    /** The server cannot take the request now (its shared store is unreachable); nothing was done. */
    UNAVAILABLE("unavailable"),
    INTERNAL("internal");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ErrorCode fromWire(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        throw new IllegalArgumentException("unknown error code");
    }
}
