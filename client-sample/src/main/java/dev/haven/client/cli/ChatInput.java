package dev.haven.client.cli;

import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.ServerMessage;

/** What the chat session reacts to, in the order it happened: the user's input and the server's events. */
sealed interface ChatInput {
    /** A line the user typed. */
    record Line(String text) implements ChatInput {
    }

    /** Standard input ended (Ctrl-D). */
    record EndOfInput() implements ChatInput {
    }

    /** An event from the server. */
    record Event(ServerMessage message) implements ChatInput {
        boolean isAbout(String roomId) {
            return roomId.equals(roomOf(message));
        }

        /** The room an event is about, or null for a frame that names none. */
        static String roomOf(ServerMessage message) {
            if (message instanceof MessageEvent m) {
                return m.room();
            } else if (message instanceof PresenceEvent p) {
                return p.room();
            } else if (message instanceof Notice n) {
                return n.room();
            } else if (message instanceof Alert a) {
                return a.room();
            } else if (message instanceof MessageDeleted d) {
                return d.room();
            } else if (message instanceof RoomUpdated u) {
                return u.room().id();
            } else if (message instanceof ResourceEvent r) {
                return r.room();
            } else if (message instanceof HeldMessage h) {
                return h.room();
            }
            return null;
        }
    }

    /** The connection ended. */
    record Closed(int code, String reason) implements ChatInput {
    }
}
