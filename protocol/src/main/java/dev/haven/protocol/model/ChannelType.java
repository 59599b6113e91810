package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/** How a helpline is reached: a number to call or text, a chat page, or a web page. */
public enum ChannelType implements WireEnum {
    CALL("call"),
    TEXT("text"),
    CHAT("chat"),
    WEB("web"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    ChannelType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    @JsonCreator
    public static ChannelType fromWire(String name) {
        for (ChannelType value : values()) {
            if (value.wireName != null && value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown ChannelType");
    }
}
