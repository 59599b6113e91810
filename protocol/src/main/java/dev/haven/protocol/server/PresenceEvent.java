package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.PresenceKind;

/** Someone joined, left, or changed (hand, voice) in a room. */
public record PresenceEvent(String room, PresenceKind event, MemberInfo member) implements ServerMessage {
    public PresenceEvent {
        Fields.requireText(room, "room");
        Fields.require(event, "event");
        Fields.require(member, "member");
    }
}
