package dev.haven.protocol.client;

import static dev.haven.protocol.Fields.optionalClientId;
import static dev.haven.protocol.Fields.requireMessageText;
import static dev.haven.protocol.Fields.requireText;

import dev.haven.protocol.model.ContentWarning;

/**
 * Share a message with a room.
 *
 * @param clientId an optional client-chosen tag echoed in the {@code message} event, so a
 *                 client can match its own message; at most 64 UTF-16 chars
 * @param cw       an optional content warning, carried by the {@code message} event
 */
public record Send(String id, String room, String text, String clientId, ContentWarning cw) implements ClientMessage {
    public Send {
        requireText(room, "room");
        text = requireMessageText(text, "text");
        optionalClientId(clientId, "clientId");
    }

    public Send(String id, String room, String text, String clientId) {
        this(id, room, text, clientId, null);
    }

    public static Send text(String room, String text) {
        return new Send(null, room, text, null, null);
    }

    @Override
    public Send withId(String newId) {
        return new Send(newId, room, text, clientId, cw);
    }

    /** Keeps the message text, and the words of a content warning, out of logs and exception messages. */
    @Override
    public String toString() {
        return "Send[id=" + id + ", room=" + room + ", chars=" + text.length()
                + (cw == null ? "" : ", cw=" + cw.label().wireName()) + "]";
    }
}
