package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/**
 * How a check-in ended, as a staff member records it on {@code checkin_close}: kept in the
 * room's audit log, a minimal structured record that never holds the conversation.
 */
public enum CheckinOutcome implements WireEnum {
    /** The member is all right for now. */
    RESOLVED,
    /** The member was pointed to a service or professional. */
    REFERRED,
    /** Emergency services were involved, or the member was urged to call them. */
    EMERGENCY,
    /** The member did not answer. */
    NO_REPLY,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static CheckinOutcome fromWire(String name) {
        return WireNames.parse(CheckinOutcome.class, name, "outcome");
    }
}
