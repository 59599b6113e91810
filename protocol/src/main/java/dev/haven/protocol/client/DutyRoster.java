package dev.haven.protocol.client;

/** {@code duty_roster {}} (facilitators and supervisors): who is on duty now. */
public record DutyRoster(String id) implements ClientMessage {
    @Override
    public DutyRoster withId(String newId) {
        return new DutyRoster(newId);
    }
}
