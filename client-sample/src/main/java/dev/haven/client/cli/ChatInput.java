package dev.haven.client.cli;

import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.PresenceEvent;
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
            return message instanceof MessageEvent m && roomId.equals(m.room())
                    || message instanceof PresenceEvent p && roomId.equals(p.room());
        }
    }

    /** The connection ended. */
    record Closed(int code, String reason) implements ChatInput {
    }
}
