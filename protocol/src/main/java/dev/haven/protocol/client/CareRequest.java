package dev.haven.protocol.client;

/**
 * The duty-of-care requests: asking for a facilitator, acknowledging an alert, and the
 * helplines of a room.
 */
public sealed interface CareRequest extends RoomRequest permits RequestFacilitator, AckAlert, ListResources,
        ShareResource {
}
