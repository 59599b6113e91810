package dev.haven.server.care;

/**
 * What the server says to a member in a {@code support} notice. Written against published
 * safe-messaging guidance for online communities: warm and plain, thanks the member for
 * sharing, offers help without pressure, says honestly who was told and whether anyone can come
 * now, never mentions methods, never judges, never uses a score or the words that matched, and
 * ends with where to turn in an emergency. See docs/duty-of-care.md.
 */
final class SupportText {
    private static final String OPENING = "Thank you for sharing this. It sounds like you are carrying a lot right now,"
            + " and you don't have to carry it alone.";
    private static final String EMERGENCY = "If you are in danger right now, please call your local emergency number.";

    private SupportText() {
    }

    /** Who could be told about an alert, which decides what the notice may honestly promise. */
    enum Reach {
        /** A facilitator is in the room. */
        FACILITATOR,
        /** No facilitator is in the room, but a supervisor is connected. */
        SUPERVISOR,
        /** Nobody of the team is connected. */
        NOBODY
    }

    /** After crisis language in the member's own message. */
    static String afterMessage(Reach reach) {
        return switch (reach) {
            case FACILITATOR -> OPENING + " One of the group's facilitators has been told, privately, and may"
                    + " check in with you. If you would like to talk to someone now, these services are free and"
                    + " confidential. " + EMERGENCY;
            case SUPERVISOR -> OPENING + " No facilitator is in this room at the moment. Someone from the support"
                    + " team has been told, privately, but it may take them a while to reach you. These services"
                    + " are open now, day and night, and free to contact. " + EMERGENCY;
            case NOBODY -> OPENING + " No facilitator is in this room at the moment, and nobody from the support"
                    + " team is online, so nobody here can reach out to you right away. These services are open now,"
                    + " day and night, and free to contact. " + EMERGENCY;
        };
    }

    /** After a message the room holds for its facilitators (an opt-in room setting). */
    static String afterHeldMessage() {
        return "Thank you for trusting us with this. Your message has been shared with the facilitators for now,"
                + " not with the whole group, so that a facilitator can be with you first. You don't have to go"
                + " through this alone. If you would like to talk to someone now, these services are free and"
                + " confidential. " + EMERGENCY;
    }

    /** After the member asked for a facilitator when none is in the room (with one there, the reply says enough). */
    static String afterRequest(boolean supervisorOnline) {
        return supervisorOnline
                ? "No facilitator is in this room at the moment. Someone from the support team has been asked to"
                + " check in with you, but it may take them a while. These services are open now, day and night, and"
                + " free to contact. " + EMERGENCY
                : "No facilitator is in this room at the moment, and nobody from the support team is online, so"
                + " nobody here can come to you right away. These services are open now, day and night, and free"
                + " to contact. " + EMERGENCY;
    }

    /**
     * A member of staff is reaching out, as the member hears it: who, and that it is private.
     * Calm and short; it asks nothing of the member.
     */
    static String reachingOut(String name, boolean supervisor) {
        return name + (supervisor ? " from the support team" : " from the group")
                + " would like to check in with you, privately. Only you and the group's staff can see it.";
    }
}
