package dev.haven.server.checkin;

import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.Session;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * What check-ins need from their room. Implemented by the room; every method is called on the
 * room's executor.
 */
public interface CheckinRoom {
    String id();

    /** The room's {@code checkinWitness} setting: two staff members in a check-in before any message. */
    boolean requiresWitness();

    /** The user as the room shows it (its name there, its role in the room); null when it is not in the room. */
    UserInfo present(String userId);

    /** Every connection through which the user is in the room; empty when it is not there. */
    List<Session> sessionsOf(String userId);

    /** The facilitators and supervisors in the room now, as the room shows them. */
    List<UserInfo> staffPresent();

    /** Encodes the event once and hands it to each of these connections. */
    void deliver(Collection<Session> to, ServerMessage event);

    /**
     * Runs the task on the room's executor after the delay.
     *
     * @return cancels the task if it has not run yet
     */
    Runnable schedule(Runnable task, Duration delay);

    /** Records an action in the room's audit log, with the names of the actor and target at the time. */
    void audit(String actor, String actorName, String action, String target, String targetName, String reason);
}
