package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.AlertKind;

/**
 * Something a room's facilitators should see: a report, a raised hand, a member waiting, a
 * mood a member chose to share. Only facilitators of the room receive it; {@code unfacilitated}
 * goes to supervisors.
 *
 * @param member the member concerned (user id)
 * @param name   that member's display name
 * @param seq    for {@code report}: the reported message
 * @param by     for {@code report}: the reporter's user id
 * @param reason for {@code report}: the reporter's reason
 * @param ts     when it happened (epoch ms)
 * @param pollId for {@code mood_shared}: the check-in answered
 * @param value  for {@code mood_shared}: the member's score, 1 to 5, or null for no score
 */
public record Alert(String room, AlertKind kind, String member, String name, Long seq, String by, String reason,
                    long ts, String pollId, Integer value) implements ServerMessage {
    public Alert {
        Fields.requireText(room, "room");
        Fields.require(kind, "kind");
    }

    public Alert(String room, AlertKind kind, String member, String name, Long seq, String by, String reason,
                 long ts) {
        this(room, kind, member, name, seq, by, reason, ts, null, null);
    }

    /** Keeps the reporter's words and shared moods out of logs. */
    @Override
    public String toString() {
        return "Alert[room=" + room + ", kind=" + kind.wireName() + ", member=" + member + "]";
    }
}
