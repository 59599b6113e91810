package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.ResourceCard;
import java.util.List;

/**
 * A private word to one member about itself: a moderation step, an admission, or support
 * after crisis language. Nobody else receives it; the rest of the room sees at most a neutral
 * presence change.
 *
 * @param until     when a timed mute or ban ends (epoch ms); null when it lasts until lifted
 * @param reason    the facilitator's reason, or the text of a warning
 * @param granted   for {@code voice}: whether the floor was given or taken
 * @param alertId   for {@code support}: the alert the room's facilitators received
 * @param text      for {@code support}: the server's words to the member
 * @param resources for {@code support}: helplines to turn to
 */
public record Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted, String alertId,
                     String text, List<ResourceCard> resources) implements ServerMessage {
    public Notice {
        Fields.requireText(room, "room");
        Fields.require(kind, "kind");
        resources = resources == null ? null : List.copyOf(resources);
    }

    /** A moderation step or an admission. */
    public Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted) {
        this(room, kind, until, reason, granted, null, null, null);
    }

    public static Notice of(String room, NoticeKind kind) {
        return new Notice(room, kind, null, null, null);
    }

    /** Support for a member whose words suggest they are struggling, or who asked for a facilitator. */
    public static Notice support(String room, String alertId, String text, List<ResourceCard> resources) {
        return new Notice(room, NoticeKind.SUPPORT, null, null, null, alertId, text, resources);
    }

    /** Keeps the facilitator's words out of logs. */
    @Override
    public String toString() {
        return "Notice[room=" + room + ", kind=" + kind.wireName() + "]";
    }
}
