package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.RoomInfo;

/** The room's settings changed. */
public record RoomUpdated(RoomInfo room) implements ServerMessage {
    public RoomUpdated {
        Fields.require(room, "room");
    }
}
