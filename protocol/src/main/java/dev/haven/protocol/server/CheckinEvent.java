package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.CheckinInfo;

/**
 * A check-in opened, someone joined it, or it closed: sent to everyone in it (every connection of
 * its member, the room's facilitators present, the staff who opened or joined it), nobody else.
 */
public record CheckinEvent(CheckinInfo checkin) implements ServerMessage {
    public CheckinEvent {
        Fields.require(checkin, "checkin");
    }
}
