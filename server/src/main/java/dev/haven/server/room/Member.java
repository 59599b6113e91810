package dev.haven.server.room;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.Role;
import dev.haven.server.auth.Identity;
import java.util.ArrayList;
import java.util.List;

/**
 * A user present in a room, with every connection through which it joined. Belongs to its
 * room and is used on the room's executor alone.
 */
final class Member {
    private final Identity identity;
    private final Role role;
    private final List<Session> sessions = new ArrayList<>(2);

    Member(Identity identity, Role role) {
        this.identity = identity;
        this.role = role;
    }

    Identity identity() {
        return identity;
    }

    Role role() {
        return role;
    }

    List<Session> sessions() {
        return sessions;
    }

    boolean has(Session session) {
        return sessions.contains(session);
    }

    void add(Session session) {
        sessions.add(session);
    }

    /** @return true when this was the user's last connection in the room */
    boolean remove(Session session) {
        sessions.remove(session);
        return sessions.isEmpty();
    }

    MemberInfo info() {
        return new MemberInfo(identity.id(), identity.name(), role, role == Role.FACILITATOR, null, null);
    }
}
