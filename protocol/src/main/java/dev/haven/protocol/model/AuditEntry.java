package dev.haven.protocol.model;

/**
 * One moderation action. Never holds message text; {@code reason} is the facilitator's own.
 *
 * @param action the command's name ({@code mute}, {@code remove}, ...)
 * @param target the user id acted on, or null for room-wide actions
 */
public record AuditEntry(long ts, String actor, String action, String target, String reason) {
    /** Keeps the facilitator's reason out of logs. */
    @Override
    public String toString() {
        return "AuditEntry[ts=" + ts + ", actor=" + actor + ", action=" + action + ", target=" + target + "]";
    }
}
