package dev.haven.server.room;

import dev.haven.protocol.model.Sanction;
import dev.haven.protocol.server.SanctionsResult;
import dev.haven.server.moderation.Sanctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The room's "muted and banned" list for its facilitators ({@code sanctions}): every mute and
 * ban in force, with the name each member had when it was given, so that a banned member, who
 * is no longer in the room, can still be found and let back in. The names are kept only while
 * the sanction lasts. Used on the room's executor alone.
 */
final class SanctionRoll {
    private final Map<String, String> names = new HashMap<>();
    /** The names are kept with the sanctions ({@link DurableState}). */
    private final Runnable onNamed;

    SanctionRoll(Runnable onNamed) {
        this.onNamed = onNamed;
    }

    /** A member was muted or banned under this name. */
    void noted(String userId, String name) {
        if (name != null) {
            names.put(userId, name);
            onNamed.run();
        }
    }

    /** The name the user had when it was muted or banned, or null. */
    String nameOf(String userId) {
        return names.get(userId);
    }

    SanctionsResult list(Sanctions sanctions, Presence presence) {
        Map<String, Long> muted = sanctions.activeMutes();
        Map<String, Long> banned = sanctions.activeBans();
        names.keySet().removeIf(id -> !muted.containsKey(id) && !banned.containsKey(id));
        return new SanctionsResult(entries(muted, presence), entries(banned, presence));
    }

    private List<Sanction> entries(Map<String, Long> sanctions, Presence presence) {
        List<Sanction> list = new ArrayList<>(sanctions.size());
        sanctions.forEach((id, until) -> {
            Member here = presence.get(id);
            list.add(new Sanction(id, here != null ? here.name() : names.get(id),
                    until == Sanctions.FOREVER ? null : until));
        });
        list.sort(Comparator.comparing((Sanction s) -> s.name() == null ? "" : s.name()).thenComparing(Sanction::id));
        return list;
    }
}
