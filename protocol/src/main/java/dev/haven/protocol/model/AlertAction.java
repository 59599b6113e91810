package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.haven.protocol.WireEnum;
import dev.haven.protocol.WireNames;

/**
 * What a facilitator did about a {@code crisis} or {@code request_facilitator} alert
 * ({@code ack_alert}): {@code reaching_out} stops its escalation and keeps it open;
 * {@code handled} and {@code false_alarm} close it.
 */
public enum AlertAction implements WireEnum {
    REACHING_OUT("reaching_out"),
    HANDLED("handled"),
    FALSE_ALARM("false_alarm"),
    /** A value from a newer server that this client does not know; it has no wire name and is never sent. */
    @JsonEnumDefaultValue
    UNKNOWN(null);

    private final String wireName;

    AlertAction(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return WireNames.checked(this, wireName);
    }

    /** Whether the alert is over after this action. */
    public boolean closes() {
        return this == HANDLED || this == FALSE_ALARM;
    }

    @JsonCreator
    public static AlertAction fromWire(String name) {
        for (AlertAction value : values()) {
            if (value.wireName != null && value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown AlertAction");
    }
}
