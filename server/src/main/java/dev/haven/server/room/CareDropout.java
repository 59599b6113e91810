package dev.haven.server.room;

import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.server.Alert;
import dev.haven.server.care.RoomCare;
import dev.haven.server.sessions.DropoutNotifier;
import java.util.List;

/**
 * The room's duty of care, as its session needs it when the room is left without a facilitator:
 * the cards of services that are always open, for the room's region and audience, and the
 * supervisors. Used on the room's executor.
 */
final class CareDropout implements DropoutNotifier {
    private final RoomCare care;

    CareDropout(RoomCare care) {
        this.care = care;
    }

    @Override
    public List<ResourceCard> resourcesFor(String roomId) {
        return care.alwaysOpenCards();
    }

    @Override
    public void alertSupervisors(Alert alert) {
        care.alertSupervisors(alert);
    }
}
