package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalReason;
import static dev.haven.protocol.Fields.requireText;

/**
 * Ask a facilitator of the room to check in (member). The room's facilitators receive an
 * {@code alert} of kind {@code request_facilitator}, acknowledged and escalated like a crisis
 * alert.
 *
 * @param note a few words for the facilitators, at most 500 characters; null for none
 */
public record RequestFacilitator(String id, String room, String note) implements CareRequest {
    public RequestFacilitator {
        requireText(room, "room");
        note = optionalReason(note, "note");
    }

    @Override
    public RequestFacilitator withId(String newId) {
        return new RequestFacilitator(newId, room, note);
    }

    /** Keeps the member's words out of logs. */
    @Override
    public String toString() {
        return "RequestFacilitator[id=" + id + ", room=" + room + "]";
    }
}
