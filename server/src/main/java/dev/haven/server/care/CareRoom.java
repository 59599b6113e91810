package dev.haven.server.care;

import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.config.RoomSettings;
import java.time.Duration;

/**
 * What duty of care needs from its room. Implemented by the room; every method but
 * {@link #execute} is called on the room's executor.
 */
public interface CareRoom {
    String id();

    RoomSettings settings();

    /** Whether a facilitator or supervisor other than this user is in the room. */
    boolean staffPresentBesides(String userId);

    /** Whether this user is in the room. */
    boolean isPresent(String userId);

    /** The user as the room shows it (its name there, its role in the room); null when it is not in the room. */
    UserInfo present(String userId);

    /** To every facilitator and supervisor in the room but this user (nobody is alerted about themself). */
    void toStaffBesides(String userId, ServerMessage event);

    /** To every connection of one user in the room; nothing when it is not there. */
    void toUser(String userId, ServerMessage message);

    void toEveryone(ServerMessage event);

    /** Runs the task on the room's executor after the delay. */
    void schedule(Runnable task, Duration delay);

    /**
     * Runs the task on the room's executor, after what is already queued there; from any thread
     * (the second stage answers from its own). Nothing happens once the room takes no more work.
     */
    void execute(Runnable task);

    /** Records an action in the room's audit log, with the names of the actor and target at the time. */
    void audit(String actor, String actorName, String action, String target, String targetName, String reason);

    /** An open alert opened, changed or closed: the room keeps its alerts ({@link RoomCare#keptAlerts}). */
    default void alertsChanged() {
    }
}
