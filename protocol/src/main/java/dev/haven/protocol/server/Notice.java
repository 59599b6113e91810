package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.UserInfo;
import java.util.List;

/**
 * A private word to one member about itself, or about the room it is in: a moderation step, an
 * admission, support after crisis language, the end of its turn coming, the session closing.
 * Nobody else receives this member's copy; the rest of the room sees at most a neutral
 * presence change.
 *
 * @param until     when a timed mute or ban ends, or when the speaker's turn ends for
 *                  {@code turn_warning} (epoch ms); null when it lasts until lifted
 * @param reason    the facilitator's reason, or the text of a warning
 * @param granted   for {@code voice}: whether the floor was given or taken
 * @param alertId   for {@code support}: the alert the room's facilitators received
 * @param text      the server's words to the member, for {@code support}, {@code unfacilitated},
 *                  {@code session_closing}, {@code session_closed} and {@code reaching_out}
 * @param resources for {@code support} and {@code unfacilitated}: helplines to turn to (may be empty)
 * @param closesAt  for {@code session_closing}: when the session closes (epoch ms)
 * @param by        for {@code reaching_out}: the facilitator or supervisor who is reaching out
 */
public record Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted, String alertId,
                     String text, List<ResourceCard> resources, Long closesAt, UserInfo by) implements ServerMessage {
    public Notice {
        Fields.requireText(room, "room");
        Fields.require(kind, "kind");
        resources = resources == null ? null : List.copyOf(resources);
    }

    /** A notice from before {@code by}. */
    public Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted, String alertId,
                  String text, List<ResourceCard> resources, Long closesAt) {
        this(room, kind, until, reason, granted, alertId, text, resources, closesAt, null);
    }

    /** A moderation step or an admission. */
    public Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted) {
        this(room, kind, until, reason, granted, null, null, null, null);
    }

    public static Notice of(String room, NoticeKind kind) {
        return new Notice(room, kind, null, null, null);
    }

    /** Support for a member whose words suggest they are struggling, or who asked for a facilitator. */
    public static Notice support(String room, String alertId, String text, List<ResourceCard> resources) {
        return new Notice(room, NoticeKind.SUPPORT, null, null, null, alertId, text, resources, null);
    }

    /** No facilitator is with the group: what that means, and helplines to turn to meanwhile. */
    public static Notice unfacilitated(String room, String text, List<ResourceCard> resources) {
        return new Notice(room, NoticeKind.UNFACILITATED, null, null, null, null, text, resources, null);
    }

    /** The session closes at {@code closesAt}. */
    public static Notice sessionClosing(String room, long closesAt, String text) {
        return new Notice(room, NoticeKind.SESSION_CLOSING, null, null, null, null, text, null, closesAt);
    }

    /** The session has closed: the member is out of the room. */
    public static Notice sessionClosed(String room, String text) {
        return new Notice(room, NoticeKind.SESSION_CLOSED, null, null, null, null, text, null, null);
    }

    /** A member of staff would like to check in with the member, privately: {@code text} says so calmly. */
    public static Notice reachingOut(String room, UserInfo by, String text) {
        return new Notice(room, NoticeKind.REACHING_OUT, null, null, null, null, text, null, null, by);
    }

    /** Keeps the facilitator's words out of logs. */
    @Override
    public String toString() {
        return "Notice[room=" + room + ", kind=" + kind.displayName() + "]";
    }
}
