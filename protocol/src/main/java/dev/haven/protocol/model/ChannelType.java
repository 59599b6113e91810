package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a helpline is reached: a number to call or text, a chat page, or a web page. */
public enum ChannelType {
    CALL("call"),
    TEXT("text"),
    CHAT("chat"),
    WEB("web");

    private final String wireName;

    ChannelType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ChannelType fromWire(String name) {
        for (ChannelType value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown ChannelType");
    }
}
