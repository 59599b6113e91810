package dev.haven.server.room;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * A user present in a room, with every connection through which it joined, and what holds
 * for this visit: its name in the room (unique there, see {@link DisplayNames}), the floor, a
 * raised hand and the version of the guidelines it accepted. Belongs to its room and is used
 * on the room's executor alone.
 */
final class Member {
    private final Identity identity;
    private final Role role;
    private String name;
    /** {@link DisplayNames#key} of the name, made when first asked for: a join compares it with every present member's. */
    private String nameKey;
    private final List<Session> sessions = new ArrayList<>(2);
    private boolean voice;
    private Long handRaisedAt;
    private int acceptedGuidelines;

    Member(Identity identity, Role role, String name) {
        this.identity = identity;
        this.role = role;
        this.name = name;
    }

    Identity identity() {
        return identity;
    }

    String id() {
        return identity.id();
    }

    /** The name the member goes by in this room. */
    String name() {
        return name;
    }

    /** A new name for the rest of the visit: this member's name gave way to a staff member's ({@link StaffNames}). */
    void rename(String newName) {
        this.name = newName;
        this.nameKey = null;
    }

    /** What the name looks like ({@link DisplayNames#key}). */
    String nameKey() {
        if (nameKey == null) {
            nameKey = DisplayNames.key(name);
        }
        return nameKey;
    }

    /** Who wrote a message, as the room shows it. */
    UserInfo userInfo() {
        return new UserInfo(identity.id(), name, role);
    }

    int acceptedGuidelines() {
        return acceptedGuidelines;
    }

    void acceptGuidelines(int version) {
        acceptedGuidelines = version;
    }

    Role role() {
        return role;
    }

    /** A facilitator or a supervisor: someone who keeps the room safe. */
    boolean isFacilitator() {
        return role.isStaff();
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

    /** Facilitators always have the floor. */
    boolean hasVoice() {
        return voice || isFacilitator();
    }

    void voice(boolean granted) {
        this.voice = granted;
    }

    Long handRaisedAt() {
        return handRaisedAt;
    }

    void handRaisedAt(Long at) {
        this.handRaisedAt = at;
    }

    /** @param muted shown only to facilitators and the member itself; null hides it */
    MemberInfo info(Boolean muted) {
        return new MemberInfo(identity.id(), name, role, hasVoice(), handRaisedAt, muted);
    }
}
