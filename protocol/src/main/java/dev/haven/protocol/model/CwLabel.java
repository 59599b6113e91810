package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** What a content warning warns of; {@code custom} carries its own words. */
public enum CwLabel implements WireEnum {
    SUICIDE, SELF_HARM, SUBSTANCE_USE, TRAUMA, ABUSE, CUSTOM,
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN;

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static CwLabel fromWire(String name) {
        return WireNames.parse(CwLabel.class, name, "label");
    }
}
