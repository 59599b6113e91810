package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.haven.protocol.WireNames;

/** What a content warning warns of; {@code custom} carries its own words. */
public enum CwLabel {
    SUICIDE, SELF_HARM, SUBSTANCE_USE, TRAUMA, ABUSE, CUSTOM;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static CwLabel fromWire(String name) {
        return WireNames.parse(CwLabel.class, name, "label");
    }
}
