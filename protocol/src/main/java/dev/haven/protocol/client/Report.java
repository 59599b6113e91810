package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalReason;
import static dev.haven.protocol.Fields.requirePositive;
import static dev.haven.protocol.Fields.requireText;

/** Report a message to the room's facilitators; nobody else sees the report. */
public record Report(String id, String room, Long seq, String reason) implements RoomRequest {
    public Report {
        requireText(room, "room");
        requirePositive(seq, "seq");
        reason = optionalReason(reason, "reason");
    }

    @Override
    public Report withId(String newId) {
        return new Report(newId, room, seq, reason);
    }

    /** Keeps the reporter's words out of logs. */
    @Override
    public String toString() {
        return "Report[id=" + id + ", room=" + room + ", seq=" + seq + "]";
    }
}
