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
 * @param nextSession        a scheduled room's session running now by its timetable, or else its
 *                           next one: the start, ISO 8601 with the room's UTC offset; null for a
 *                           room without a schedule
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
        String nextSession,
        Boolean facilitatorPresent) {

    /** The fields a server before sessions leaves out read as an open room at guidelines version 1. */
    public RoomInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
        state = state == null ? RoomState.OPEN : state;
        requireFacilitator = requireFacilitator != null && requireFacilitator;
        guidelinesVersion = guidelinesVersion == null ? 1 : guidelinesVersion;
    }

    /** A room without a schedule, from a server that does not say whether a facilitator is present. */
    public RoomInfo(String id, String name, RoomCategory category, String topic, List<String> tags, int members,
                    int capacity, boolean locked, Admission admission, String guidelines, int slowModeSeconds,
                    boolean moderated, RoomState state, Boolean requireFacilitator, Integer guidelinesVersion,
                    Long closesAt) {
        this(id, name, category, topic, tags, members, capacity, locked, admission, guidelines, slowModeSeconds,
                moderated, state, requireFacilitator, guidelinesVersion, closesAt, null, null);
    }

    /** An open room whose guidelines are at their first version. */
    public RoomInfo(String id, String name, RoomCategory category, String topic, List<String> tags, int members,
                    int capacity, boolean locked, Admission admission, String guidelines, int slowModeSeconds,
                    boolean moderated) {
        this(id, name, category, topic, tags, members, capacity, locked, admission, guidelines, slowModeSeconds,
                moderated, RoomState.OPEN, false, 1, null, null, null);
    }
}
