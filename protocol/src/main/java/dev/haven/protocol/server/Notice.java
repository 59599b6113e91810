package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.ResourceCard;
import java.util.List;

/**
 * A private word to one member about itself, or about the room it is in: a moderation step, an
 * admission, the end of its turn coming, the session closing. Nobody else receives this
 * member's copy; the rest of the room sees at most a neutral presence change.
 *
 * @param until     when a timed mute or ban ends, or when the speaker's turn ends for
 *                  {@code turn_warning} (epoch ms); null when it lasts until lifted
 * @param reason    the facilitator's reason, or the text of a warning
 * @param granted   for {@code voice}: whether the floor was given or taken
 * @param closesAt  for {@code session_closing}: when the session closes (epoch ms)
 * @param text      words for the member: what {@code session_closing}, {@code session_closed}
 *                  and {@code unfacilitated} mean for it
 * @param resources for {@code unfacilitated}: services to turn to meanwhile (may be empty)
 */
public record Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted, Long closesAt,
                     String text, List<ResourceCard> resources) implements ServerMessage {
    public Notice {
        Fields.requireText(room, "room");
        Fields.require(kind, "kind");
        resources = resources == null ? null : List.copyOf(resources);
    }

    /** A moderation notice. */
    public Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted) {
        this(room, kind, until, reason, granted, null, null, null);
    }

    public static Notice of(String room, NoticeKind kind) {
        return new Notice(room, kind, null, null, null);
    }

    /** Keeps the facilitator's words out of logs. */
    @Override
    public String toString() {
        return "Notice[room=" + room + ", kind=" + kind.wireName() + "]";
    }
}
