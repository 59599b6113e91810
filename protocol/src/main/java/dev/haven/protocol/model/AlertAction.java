package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a facilitator did about a {@code crisis} or {@code request_facilitator} alert
 * ({@code ack_alert}): {@code reaching_out} stops its escalation and keeps it open;
 * {@code handled} and {@code false_alarm} close it.
 */
public enum AlertAction {
    REACHING_OUT("reaching_out"),
    HANDLED("handled"),
    FALSE_ALARM("false_alarm");

    private final String wireName;

    AlertAction(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether the alert is over after this action. */
    public boolean closes() {
        return this != REACHING_OUT;
    }

    @JsonCreator
    public static AlertAction fromWire(String name) {
        for (AlertAction value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown AlertAction");
    }
}
