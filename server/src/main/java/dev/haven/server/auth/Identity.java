package dev.haven.server.auth;

import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import java.time.Instant;
import java.util.Set;

/**
 * A user as the server knows it after {@code hello}. Roles follow the user id, not the
 * connection: two connections with tokens for the same {@code sub} are the same user.
 *
 * @param roleRooms the rooms the role is limited to, or null when it holds in every room
 * @param guest     true for a pseudonym without a token
 * @param expiresAt when the token expires (its {@code exp}); the connection is closed then;
 *                  null for a guest
 */
public record Identity(String id, String name, Role role, Set<String> roleRooms, boolean guest, Instant expiresAt) {
    public Identity {
        roleRooms = roleRooms == null ? null : Set.copyOf(roleRooms);
    }

    /** An identity that does not expire: a guest's, or one made in tests. */
    public Identity(String id, String name, Role role, Set<String> roleRooms, boolean guest) {
        this(id, name, role, roleRooms, guest, null);
    }

    /** The user's role in one room: the token's role where it applies, member elsewhere. */
    public Role roleIn(String roomId) {
        if (role == Role.MEMBER || roleRooms == null || roleRooms.contains(roomId)) {
            return role;
        }
        return Role.MEMBER;
    }

    public UserInfo userInfo() {
        return new UserInfo(id, name, role);
    }

    public UserInfo userInfoIn(String roomId) {
        return new UserInfo(id, name, roleIn(roomId));
    }
}
