package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalText;
import static dev.haven.protocol.Fields.requireText;

/**
 * Share a helpline card (facilitator): everyone in the room, or one member, receives a
 * {@code resource} event.
 *
 * @param card the card's id (any configured card, of any region)
 * @param user the one member to share it with; null for everyone
 */
public record ShareResource(String id, String room, String card, String user) implements CareRequest {
    public ShareResource {
        requireText(room, "room");
        requireText(card, "card");
        optionalText(user, "user");
    }

    @Override
    public ShareResource withId(String newId) {
        return new ShareResource(newId, room, card, user);
    }
}
