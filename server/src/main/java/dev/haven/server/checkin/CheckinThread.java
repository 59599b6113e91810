package dev.haven.server.checkin;

import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.CheckinState;
import dev.haven.protocol.model.UserInfo;
import dev.haven.server.delivery.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One open check-in: who it is with, the staff who opened, joined or wrote in it, its held
 * messages and their {@code seq}, and the connections that reach it from outside the room.
 * Used on its room's executor alone.
 */
final class CheckinThread {
    /** Connections kept for people in the check-in who are not in the room; the oldest goes first. */
    static final int MAX_ATTACHED = 8;

    final String id;
    final String room;
    final UserInfo member;
    final UserInfo openedBy;
    final long openedAt;
    final String alertId;
    final CheckinTranscript transcript;
    /** Staff by user id, in the order they came: the opener, then those who joined or wrote. */
    private final Map<String, UserInfo> joined = new LinkedHashMap<>();
    /**
     * Connections of the member or of staff in the check-in that are not in the room (a member who
     * left it, a reconnecting client that asked before rejoining). Events reach them as well.
     */
    private final Set<Session> attached = new LinkedHashSet<>();
    long seq;
    long lastActivity;

    CheckinThread(String id, String room, UserInfo member, UserInfo openedBy, long openedAt, String alertId,
                  CheckinTranscript transcript) {
        this.id = id;
        this.room = room;
        this.member = member;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.alertId = alertId;
        this.transcript = transcript;
        this.lastActivity = openedAt;
        joined.put(openedBy.id(), openedBy);
    }

    boolean isMember(String userId) {
        return member.id().equals(userId);
    }

    boolean hasJoined(String userId) {
        return joined.containsKey(userId);
    }

    /** @return whether the user was not in it yet */
    boolean join(UserInfo staff) {
        return joined.putIfAbsent(staff.id(), staff) == null;
    }

    Collection<UserInfo> joined() {
        return joined.values();
    }

    /** The staff in it now: those who joined, then the room's staff present who have not. */
    List<UserInfo> staff(List<UserInfo> staffPresent) {
        List<UserInfo> staff = new ArrayList<>(joined.values());
        for (UserInfo present : staffPresent) {
            if (!joined.containsKey(present.id())) {
                staff.add(present);
            }
        }
        return staff;
    }

    void attach(Session session) {
        if (attached.add(session) && attached.size() > MAX_ATTACHED) {
            Iterator<Session> oldest = attached.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    void detach(Session session) {
        attached.remove(session);
    }

    Set<Session> attached() {
        return attached;
    }

    CheckinInfo info(CheckinState state, List<UserInfo> staff, boolean witnessRule, UserInfo closedBy) {
        return new CheckinInfo(id, room, member, openedBy, state, seq, openedAt, staff, alertId,
                witnessRule ? Boolean.TRUE : null, witnessRule && staff.size() < 2 ? Boolean.TRUE : null, closedBy);
    }
}
