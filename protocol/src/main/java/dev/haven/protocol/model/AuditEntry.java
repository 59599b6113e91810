package dev.haven.protocol.model;

/**
 * One moderation action. Never holds message text; {@code reason} is the facilitator's own.
 *
 * @param action the command's name ({@code mute}, {@code remove}, ...)
 * @param target the user id acted on, or null for room-wide actions
 * @param until  for a timed mute or ban: when it ends (epoch ms); null otherwise
 */
public record AuditEntry(long ts, String actor, String action, String target, String reason, Long until) {
    public AuditEntry(long ts, String actor, String action, String target, String reason) {
        this(ts, actor, action, target, reason, null);
    }

    /** Keeps the facilitator's reason out of logs. */
    @Override
    public String toString() {
        return "AuditEntry[ts=" + ts + ", actor=" + actor + ", action=" + action + ", target=" + target
                + (until == null ? "" : ", until=" + until) + "]";
    }
}
