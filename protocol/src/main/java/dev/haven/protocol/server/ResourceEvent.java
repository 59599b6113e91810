package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.ResourceCard;

/** A helpline card a facilitator shared with the room, or with one member. */
public record ResourceEvent(String room, ResourceCard card) implements ServerMessage {
    public ResourceEvent {
        Fields.requireText(room, "room");
        Fields.require(card, "card");
    }
}
