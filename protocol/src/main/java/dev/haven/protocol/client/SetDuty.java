package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.require;

/**
 * {@code duty {onDuty}}: a supervisor says it is on duty (it answers escalated alerts now) or
 * off duty. Only a connected supervisor counts as on duty, and only while it is connected; the
 * reply is the duty roster, as {@link DutyRoster} gives it.
 */
public record SetDuty(String id, Boolean onDuty) implements ClientMessage {
    public SetDuty {
        require(onDuty, "onDuty");
    }

    @Override
    public SetDuty withId(String newId) {
        return new SetDuty(newId, onDuty);
    }
}
