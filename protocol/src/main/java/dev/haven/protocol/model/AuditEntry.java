package dev.haven.protocol.model;

/**
 * One moderation action. Never holds message text; {@code reason} is the facilitator's own.
 *
 * @param action     the command's name ({@code mute}, {@code remove}, ...)
 * @param target     the user id acted on, or null for room-wide actions
 * @param actorName  the actor's name at the time, or null when unknown (an entry the server made itself)
 * @param targetName the target's name at the time, or null when unknown
 * @param until      for a timed mute or ban: when it ends (epoch ms); null otherwise
 */
public record AuditEntry(long ts, String actor, String action, String target, String reason, String actorName,
                         String targetName, Long until) {
    /** An entry without names. */
    public AuditEntry(long ts, String actor, String action, String target, String reason) {
        this(ts, actor, action, target, reason, null, null, null);
    }

    /** An entry of an action that does not end by itself. */
    public AuditEntry(long ts, String actor, String action, String target, String reason, String actorName,
                      String targetName) {
        this(ts, actor, action, target, reason, actorName, targetName, null);
    }

    /** Keeps the facilitator's reason, and the names, out of logs. */
    @Override
    public String toString() {
        return "AuditEntry[ts=" + ts + ", actor=" + actor + ", action=" + action + ", target=" + target
                + (until == null ? "" : ", until=" + until) + "]";
    }
}
