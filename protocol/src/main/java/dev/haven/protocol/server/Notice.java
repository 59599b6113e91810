package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.NoticeKind;

/**
 * A private word to one member about itself: a moderation step or an admission. Nobody else
 * receives it; the rest of the room sees at most a neutral presence change.
 *
 * @param until   when a timed mute or ban ends (epoch ms); null when it lasts until lifted
 * @param reason  the facilitator's reason, or the text of a warning
 * @param granted for {@code voice}: whether the floor was given or taken
 */
public record Notice(String room, NoticeKind kind, Long until, String reason, Boolean granted)
        implements ServerMessage {
    public Notice {
        Fields.requireText(room, "room");
        Fields.require(kind, "kind");
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
