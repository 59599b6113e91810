package dev.haven.server.sessions;

import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.server.Alert;
import java.util.List;

/**
 * What a room needs from its duty of care when it is left without a facilitator: the resource
 * cards its members receive with the {@code unfacilitated} notice, and a way to tell the
 * supervisors. Called on the room's thread; implementations must not block.
 */
public interface DropoutNotifier {
    /** The cards of services that are always open, for the room's region and audience; may be empty. */
    List<ResourceCard> resourcesFor(String roomId);

    /** Sends the alert to every supervisor connected. */
    void alertSupervisors(Alert alert);
}
