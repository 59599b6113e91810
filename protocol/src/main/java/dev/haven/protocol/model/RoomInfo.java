package dev.haven.protocol.model;

import java.util.List;

/**
 * A room as the directory and a join reply show it.
 *
 * @param members            how many members are present now (facilitators not counted)
 * @param guidelines         the group's guidelines, which a member accepts when joining; null when none
 * @param slowModeSeconds    at most one message per member per that many seconds; 0 when off
 * @param moderated          only facilitators and members with voice may send
 * @param state              where the session stands: {@code lobby}, {@code open} or {@code unfacilitated}
 * @param requireFacilitator whether the room waits in {@code lobby} until a facilitator opens it
 * @param guidelinesVersion  rises by one whenever the guidelines change; a member accepts the current one
 * @param closesAt           while a facilitator is closing the session: when it closes (epoch ms)
 * @param facilitatorPresent whether a facilitator (or supervisor) of the room is in it now; null from
 *                           a server that does not say
 */
public record RoomInfo(
        String id,
        String name,
        RoomCategory category,
        String topic,
        List<String> tags,
        int members,
        int capacity,
        boolean locked,
        Admission admission,
        String guidelines,
        int slowModeSeconds,
        boolean moderated,
        RoomState state,
        Boolean requireFacilitator,
        Integer guidelinesVersion,
        Long closesAt,
        Boolean facilitatorPresent) {

    /** The fields a server before sessions leaves out read as an open room at guidelines version 1. */
    public RoomInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
        state = state == null ? RoomState.OPEN : state;
        requireFacilitator = requireFacilitator != null && requireFacilitator;
        guidelinesVersion = guidelinesVersion == null ? 1 : guidelinesVersion;
    }

    /** An open room whose guidelines are at their first version. */
    public RoomInfo(String id, String name, RoomCategory category, String topic, List<String> tags, int members,
                    int capacity, boolean locked, Admission admission, String guidelines, int slowModeSeconds,
                    boolean moderated) {
        this(id, name, category, topic, tags, members, capacity, locked, admission, guidelines, slowModeSeconds,
                moderated, RoomState.OPEN, false, 1, null, null);
    }
}
