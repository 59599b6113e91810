package dev.haven.server.moderation;

import dev.haven.protocol.model.Role;

/** Who may act on whom, as ranks: nobody acts on someone of the same or higher rank. */
public final class Permissions {
    private Permissions() {
    }

    /** Facilitators, and supervisors in a room they joined. */
    public static boolean mayModerate(Role actor) {
        return actor.isStaff();
    }

    /** Facilitators and supervisors moderate members, never one another. */
    public static boolean mayActOn(Role actor, Role target) {
        return rank(actor) > rank(target);
    }

    private static int rank(Role role) {
        return role.isStaff() ? 1 : 0;
    }
}
