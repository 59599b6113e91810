package dev.haven.server.admin;

import dev.haven.server.care.AlertSummary;
import dev.haven.server.config.RoomSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the admin API needs of the other nodes of a cluster: a request about one room runs on
 * the node that serves the room; the open alerts and "end a user's sessions" cover every node;
 * a room created, changed or archived here is followed by every other node. A lone server has
 * {@link #ALONE}. Thread-safe.
 */
public interface AdminCluster {
    AdminCluster ALONE = new AdminCluster() {
        @Override
        public CompletableFuture<ApiResponse> atOwner(String roomId, ApiRequest request) {
            return null;
        }

        @Override
        public CompletableFuture<List<AlertSummary>> alertsElsewhere() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<Integer> endSessionsElsewhere(String userId) {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public void roomChanged(RoomSettings settings) {
        }

        @Override
        public void roomArchived(String roomId) {
        }
    };

    /**
     * Runs a request about a room on the node that serves it.
     *
     * @return its answer from there, or null when this node serves the room (run it here)
     */
    CompletableFuture<ApiResponse> atOwner(String roomId, ApiRequest request);

    /** The open alerts of the rooms the other nodes serve. */
    CompletableFuture<List<AlertSummary>> alertsElsewhere();

    /** Closes the user's connections on every other node. @return how many */
    CompletableFuture<Integer> endSessionsElsewhere(String userId);

    /** A room was created or its settings changed here: the other nodes follow. */
    void roomChanged(RoomSettings settings);

    /** A room was archived here: the other nodes take it out of their directory. */
    void roomArchived(String roomId);
}
