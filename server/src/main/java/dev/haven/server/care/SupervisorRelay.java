package dev.haven.server.care;

import dev.haven.protocol.model.OnDuty;
import dev.haven.protocol.server.Alert;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How a {@link SupervisorDesk} reaches the supervisors connected to the other nodes of a
 * cluster: what a room escalates here goes to every node's desk, and the escalations still open
 * anywhere are kept where a supervisor who connects to any node finds them. A lone server's desk
 * has {@link #NONE}. Called from rooms' threads; must not block.
 */
public interface SupervisorRelay {
    SupervisorRelay NONE = new SupervisorRelay() {
        @Override
        public void escalated(Alert alert) {
        }

        @Override
        public void updated(Alert update, boolean closes) {
        }

        @Override
        public void forgotten(String room, String alertId) {
        }

        @Override
        public void alerted(String exceptUser, Alert alert) {
        }

        @Override
        public List<OnDuty> onDutyElsewhere() {
            return List.of();
        }

        @Override
        public int onlineElsewhere() {
            return 0;
        }

        @Override
        public CompletableFuture<List<List<Alert>>> open() {
            return CompletableFuture.completedFuture(List.of());
        }
    };

    void escalated(Alert alert);

    void updated(Alert update, boolean closes);

    void forgotten(String room, String alertId);

    /** @param exceptUser the supervisor it is about, who does not receive it; null for none */
    void alerted(String exceptUser, Alert alert);

    /** Supervisors on duty connected to other nodes, as last learned. */
    List<OnDuty> onDutyElsewhere();

    /** Supervisor connections on other nodes, as last counted. */
    int onlineElsewhere();

    /** The escalations open anywhere in the cluster, each as its frames. */
    CompletableFuture<List<List<Alert>>> open();
}
