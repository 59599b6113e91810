package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalText;
import static dev.haven.protocol.Fields.requireText;

/**
 * The helplines for a room: those of its region, the ones for its audience first, then the
 * international directories. Anyone in the room may ask.
 *
 * @param region another region's cards instead (an ISO 3166-1 code such as {@code CA}, or
 *               {@code international}); null for the room's own
 */
public record ListResources(String id, String room, String region) implements CareRequest {
    public ListResources {
        requireText(room, "room");
        optionalText(region, "region");
    }

    public static ListResources of(String room) {
        return new ListResources(null, room, null);
    }

    @Override
    public ListResources withId(String newId) {
        return new ListResources(newId, room, region);
    }
}
