package dev.haven.server.care;

import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;

/**
 * Hears of duty-of-care alerts as they open, change and close: the server's metrics count them,
 * and escalation paging pages someone. Carries no text and no name. Called on the room's
 * executor: implementations must be quick and must not block (paging hands its work elsewhere).
 */
public interface AlertObserver {
    AlertObserver NONE = new AlertObserver() {
    };

    /**
     * An alert reached the supervisors.
     *
     * @param tier     null for a request for a facilitator
     * @param openedAt when the alert opened (epoch ms)
     * @param step     what brought it to them: {@code no_facilitator} (nobody of the room's staff
     *                 was there) or {@code unacknowledged} (the urgent re-send went unanswered)
     * @param onDuty   how many supervisors on duty received it
     */
    record Escalation(String room, String alertId, AlertKind kind, CrisisTier tier, long openedAt, long at,
                      String step, int onDuty) {
    }

    /** @param tier null for a request for a facilitator */
    default void opened(AlertKind kind, CrisisTier tier) {
    }

    /**
     * A later message raised an open alert's tier.
     *
     * @param acknowledged whether anyone had acknowledged it (someone is reaching out)
     */
    default void tierRaised(CrisisTier from, CrisisTier to, boolean acknowledged) {
    }

    /** The first acknowledgement, {@code ageMillis} after the alert opened. */
    default void acknowledged(AlertKind kind, CrisisTier tier, long ageMillis) {
    }

    /**
     * The alert closed: acknowledged as handled or a false alarm, or purged with its session or room.
     *
     * @param acknowledged whether anyone had acknowledged it before
     */
    default void closed(AlertKind kind, CrisisTier tier, boolean acknowledged) {
    }

    default void escalated(Escalation escalation) {
    }

    /**
     * An alert opened before a restart (or on the room's previous owner) is open here again.
     *
     * @param acknowledged whether anyone had acknowledged it
     */
    default void restored(AlertKind kind, CrisisTier tier, boolean acknowledged) {
    }

    /** Both observers, this one first. */
    default AlertObserver andThen(AlertObserver next) {
        AlertObserver first = this;
        return new AlertObserver() {
            @Override
            public void opened(AlertKind kind, CrisisTier tier) {
                first.opened(kind, tier);
                next.opened(kind, tier);
            }

            @Override
            public void tierRaised(CrisisTier from, CrisisTier to, boolean acknowledged) {
                first.tierRaised(from, to, acknowledged);
                next.tierRaised(from, to, acknowledged);
            }

            @Override
            public void acknowledged(AlertKind kind, CrisisTier tier, long ageMillis) {
                first.acknowledged(kind, tier, ageMillis);
                next.acknowledged(kind, tier, ageMillis);
            }

            @Override
            public void closed(AlertKind kind, CrisisTier tier, boolean acknowledged) {
                first.closed(kind, tier, acknowledged);
                next.closed(kind, tier, acknowledged);
            }

            @Override
            public void escalated(Escalation escalation) {
                first.escalated(escalation);
                next.escalated(escalation);
            }

            @Override
            public void restored(AlertKind kind, CrisisTier tier, boolean acknowledged) {
                first.restored(kind, tier, acknowledged);
                next.restored(kind, tier, acknowledged);
            }
        };
    }
}
