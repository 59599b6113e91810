package dev.haven.server.sessions;

import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.server.Alert;
import java.util.List;

/**
 * What a room needs from the duty-of-care side when its last facilitator is gone for good:
 * the resource cards its members receive with the {@code unfacilitated} notice, and a way to
 * tell the supervisors. Called on the room's thread; implementations must not block.
 */
public interface DropoutNotifier {
    /** Tells nobody and offers no cards: for a server without resource cards or supervisors. */
    DropoutNotifier NONE = new DropoutNotifier() {
        @Override
        public List<ResourceCard> resourcesFor(String roomId) {
            return List.of();
        }

        @Override
        public void alertSupervisors(Alert alert) {
            // No supervisors to tell.
        }
    };

    /** The cards for the room's region and audience; empty when none are configured. */
    List<ResourceCard> resourcesFor(String roomId);

    /** Sends the alert to every supervisor connected. */
    void alertSupervisors(Alert alert);
}
