package dev.haven.protocol.model;

import java.util.List;

/**
 * A room as the directory and a join reply show it.
 *
 * @param members    how many members are present now
 * @param guidelines      the group's guidelines, which a member accepts when joining; null when none
 * @param slowModeSeconds at most one message per member per that many seconds; 0 when off
 * @param moderated       only facilitators and members with voice may send
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
        boolean moderated) {

    public RoomInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
