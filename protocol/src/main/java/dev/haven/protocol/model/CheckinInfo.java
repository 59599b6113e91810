package dev.haven.protocol.model;

import static dev.haven.protocol.Fields.require;
import static dev.haven.protocol.Fields.requireText;

import java.util.List;

/**
 * One check-in: a private conversation between a member and the staff of a room. Everyone in
 * it receives this object in a {@code checkin} event when it opens, when someone joins it and
 * when it closes; nobody else learns that it exists.
 *
 * @param id              the check-in, unique in the server; it names its room, so any request
 *                        about it reaches that room
 * @param member          the member it is with ({@code role} is {@code member})
 * @param openedBy        the facilitator or supervisor who opened it
 * @param seq             the latest message's sequence number in this check-in; 0 before the first
 * @param openedAt        when it opened (epoch ms)
 * @param staff           the staff in it now: the room's facilitators present, and whoever
 *                        opened or joined it or wrote in it
 * @param alertId         the alert it was opened from, if any
 * @param checkinWitness  true when the room requires two staff members in every check-in
 * @param awaitingWitness true while no message can be sent because fewer than two staff members
 *                        are in it ({@code checkinWitness} rooms)
 * @param closedBy        for {@code state: "closed"}: who closed it; absent when the server did
 *                        (the session closed, or it lay idle past its lifetime)
 */
public record CheckinInfo(String id, String room, UserInfo member, UserInfo openedBy, CheckinState state, long seq,
                          long openedAt, List<UserInfo> staff, String alertId, Boolean checkinWitness,
                          Boolean awaitingWitness, UserInfo closedBy) {
    public CheckinInfo {
        requireText(id, "id");
        requireText(room, "room");
        require(member, "member");
        require(openedBy, "openedBy");
        require(state, "state");
        staff = staff == null ? List.of() : List.copyOf(staff);
    }
}
