package dev.haven.protocol.server;

import dev.haven.protocol.Fields;

/** A facilitator deleted a message: clients remove it; it has left the held history. */
public record MessageDeleted(String room, long seq) implements ServerMessage {
    public MessageDeleted {
        Fields.requireText(room, "room");
    }
}
