package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.AlertKind;

/**
 * Something a room's facilitators should see: a report, a raised hand, a member waiting.
 * Only facilitators of the room receive it.
 *
 * @param member the member concerned (user id)
 * @param name   that member's display name
 * @param seq    for {@code report}: the reported message
 * @param by     for {@code report}: the reporter's user id
 * @param reason for {@code report}: the reporter's reason
 * @param ts     when it happened (epoch ms)
 */
public record Alert(String room, AlertKind kind, String member, String name, Long seq, String by, String reason,
                    long ts) implements ServerMessage {
    public Alert {
        Fields.requireText(room, "room");
        Fields.require(kind, "kind");
    }

    /** Keeps the reporter's words out of logs. */
    @Override
    public String toString() {
        return "Alert[room=" + room + ", kind=" + kind.wireName() + ", member=" + member + "]";
    }
}
