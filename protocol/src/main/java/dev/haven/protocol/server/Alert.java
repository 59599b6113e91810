package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;

/**
 * Something a room's facilitators should see: a report, a raised hand, a member waiting,
 * crisis language, a member asking for a facilitator, and what was done about those, a mood a
 * member chose to share. Only facilitators of the room receive it, and supervisors the
 * escalated ones and {@code unfacilitated}. Never holds message text or the words that matched.
 *
 * @param member    the member concerned (user id)
 * @param name      that member's display name
 * @param seq       for {@code report}: the reported message; for {@code crisis}: the message that
 *                  opened the alert (null when it was held for facilitators)
 * @param by        for {@code report}: the reporter's user id; for an update: who acknowledged
 * @param reason    for {@code report}: the reporter's reason
 * @param ts        when it happened (epoch ms)
 * @param alertId   for {@code crisis}, {@code request_facilitator} and their updates: the alert
 * @param tier      for {@code crisis}: {@code concern} or {@code high}
 * @param urgent    for {@code crisis} and {@code request_facilitator}: true when re-sent because
 *                  nobody acknowledged it in time
 * @param escalated true when the alert was also sent to supervisors
 * @param action    for an update: what was done
 * @param note      for {@code request_facilitator}: the member's own few words, if any
 * @param held      for {@code crisis}: true when the message was shown to facilitators only
 * @param pollId    for {@code mood_shared}: the check-in answered
 * @param value     for {@code mood_shared}: the member's score, 1 to 5, or null for no score
 */
public record Alert(String room, AlertKind kind, String member, String name, Long seq, String by, String reason,
                    long ts, String alertId, CrisisTier tier, Boolean urgent, Boolean escalated, AlertAction action,
                    String note, Boolean held, String pollId, Integer value) implements ServerMessage {
    public Alert {
        Fields.requireText(room, "room");
        Fields.require(kind, "kind");
    }

    /** A report, a raised hand or a member waiting. */
    public Alert(String room, AlertKind kind, String member, String name, Long seq, String by, String reason,
                 long ts) {
        this(room, kind, member, name, seq, by, reason, ts, null, null, null, null, null, null, null, null, null);
    }

    /** A member shared its answer to a mood check-in with the facilitators. */
    public static Alert moodShared(String room, String member, String name, long ts, String pollId, Integer value) {
        return new Alert(room, AlertKind.MOOD_SHARED, member, name, null, null, null, ts, null, null, null, null, null,
                null, null, pollId, value);
    }

    /** A room whose session requires a facilitator has had none for its grace period; for supervisors. */
    public static Alert unfacilitated(String room, long ts) {
        return new Alert(room, AlertKind.UNFACILITATED, null, null, null, null, null, ts);
    }

    /** Keeps the reporter's and the member's words, and shared moods, out of logs. */
    @Override
    public String toString() {
        return "Alert[room=" + room + ", kind=" + kind.displayName() + ", member=" + member
                + (alertId == null ? "" : ", alertId=" + alertId) + "]";
    }
}
