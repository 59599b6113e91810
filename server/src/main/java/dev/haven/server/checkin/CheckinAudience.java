package dev.haven.server.checkin;

import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.CheckinState;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.care.SupervisorDesk;
import dev.haven.server.delivery.Session;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is in a check-in, as its room stands now, and how its events reach them: the member's
 * connections in the room, the room's staff present, the supervisors who joined it (through the
 * supervisors' desk, wherever they are), and the connections kept with the check-in. Used on
 * the room's executor alone.
 */
final class CheckinAudience {
    private final CheckinRoom room;
    private final SupervisorDesk supervisors;

    CheckinAudience(CheckinRoom room, SupervisorDesk supervisors) {
        this.room = room;
        this.supervisors = supervisors;
    }

    /** Whether the user is in the check-in: its member, staff present in the room, or staff who joined it. */
    boolean isIn(CheckinThread thread, String userId) {
        if (thread.isMember(userId) || thread.hasJoined(userId)) {
            return true;
        }
        UserInfo here = room.present(userId);
        return here != null && here.role().isStaff();
    }

    /** A connection of someone in the check-in that is not in the room hears the check-in from now on. */
    void reachThrough(CheckinThread thread, Session session) {
        if (!inRoom(session)) {
            thread.attach(session);
        }
    }

    boolean inRoom(Session session) {
        return room.sessionsOf(session.identity().id()).contains(session);
    }

    /** Who writes, or closes, as the check-in shows it. */
    UserInfo speaker(CheckinThread thread, Identity identity) {
        UserInfo here = room.present(identity.id());
        if (here != null) {
            return here;
        }
        if (thread.isMember(identity.id())) {
            return thread.member;
        }
        for (UserInfo staff : thread.joined()) {
            if (staff.id().equals(identity.id())) {
                return staff;
            }
        }
        return identity.userInfoIn(room.id());
    }

    List<UserInfo> staff(CheckinThread thread) {
        return thread.staff(room.staffPresent());
    }

    CheckinInfo info(CheckinThread thread) {
        return thread.info(CheckinState.OPEN, staff(thread), room.requiresWitness(), null);
    }

    CheckinInfo closed(CheckinThread thread, UserInfo by) {
        return thread.info(CheckinState.CLOSED, staff(thread), room.requiresWitness(), by);
    }

    /** Every connection of everyone in the check-in, each once. */
    Collection<Session> of(CheckinThread thread) {
        Set<Session> to = new LinkedHashSet<>(room.sessionsOf(thread.member.id()));
        for (UserInfo staff : room.staffPresent()) {
            to.addAll(room.sessionsOf(staff.id()));
        }
        for (UserInfo staff : thread.joined()) {
            if (staff.role() == Role.SUPERVISOR && room.present(staff.id()) == null) {
                to.addAll(supervisors.sessionsOf(staff.id()));
            }
        }
        to.addAll(thread.attached());
        return to;
    }

    /** The check-in as it stands, to everyone in it. */
    void announce(CheckinThread thread) {
        deliver(thread, new CheckinEvent(info(thread)));
    }

    void deliver(CheckinThread thread, ServerMessage event) {
        room.deliver(of(thread), event);
    }
}
