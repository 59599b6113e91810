package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalClientId;
import static dev.haven.protocol.Fields.requireMessageText;
import static dev.haven.protocol.Fields.requireText;

/**
 * Share a message with a room.
 *
 * @param clientId an optional client-chosen tag echoed in the {@code message} event, so a
 *                 client can match its own message; at most 64 UTF-16 chars
 */
public record Send(String id, String room, String text, String clientId) implements ClientMessage {
    public Send {
        requireText(room, "room");
        requireMessageText(text, "text");
        optionalClientId(clientId, "clientId");
    }

    public static Send text(String room, String text) {
        return new Send(null, room, text, null);
    }

    @Override
    public Send withId(String newId) {
        return new Send(newId, room, text, clientId);
    }

    /** Keeps the message text out of logs and exception messages. */
    @Override
    public String toString() {
        return "Send[id=" + id + ", room=" + room + ", chars=" + text.length() + "]";
    }
}
