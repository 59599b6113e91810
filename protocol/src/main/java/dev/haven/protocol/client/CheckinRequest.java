package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.InvalidFieldException;

/**
 * A request about check-ins: private conversations between a member and the staff of a room.
 * {@link CheckinOpen} names its room; the others name a check-in, whose id names its room.
 */
public sealed interface CheckinRequest extends ClientMessage
        permits CheckinOpen, CheckinSend, CheckinHistory, ListCheckins, CheckinClose {
    /** The longest check-in id a request may carry; the server's are far shorter. */
    int MAX_CHECKIN_ID_CHARS = 160;

    static String requireCheckinId(String value) {
        requireText(value, "checkin");
        if (value.length() > MAX_CHECKIN_ID_CHARS) {
            throw new InvalidFieldException("field 'checkin' must be at most " + MAX_CHECKIN_ID_CHARS + " characters");
        }
        return value;
    }
}
