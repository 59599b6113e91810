package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.UserInfo;

/**
 * A member's message shown to the room's facilitators only, for now, because the room holds
 * messages that describe a method of self-harm (an opt-in room setting). Its author receives it
 * too, so it stays in their own view. It has no {@code seq}: the room never saw it.
 *
 * @param alertId the {@code crisis} alert it belongs to
 * @param ts      when the server accepted it (epoch ms)
 */
public record HeldMessage(String room, String alertId, UserInfo from, String text, long ts, String clientId)
        implements ServerMessage {
    public HeldMessage {
        Fields.requireText(room, "room");
        Fields.require(from, "from");
        Fields.require(text, "text");
    }

    /** Keeps the message text out of logs and exception messages. */
    @Override
    public String toString() {
        return "HeldMessage[room=" + room + ", alertId=" + alertId + ", from=" + from.id() + "]";
    }
}
