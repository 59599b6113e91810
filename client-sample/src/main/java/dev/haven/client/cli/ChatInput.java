package dev.haven.client.cli;

import dev.haven.client.CatchUp;
import dev.haven.client.HavenErrorException;
import dev.haven.client.HavenListener;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.ServerMessage;
import java.time.Duration;

/** What the chat session reacts to, in the order it happened: the user's input, the server's events, the connection's changes. */
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
            return roomId.equals(HavenListener.roomOf(message));
        }
    }

    /** The client stopped for good: closed by the chat, refused by the server, or given up. */
    record Closed(int code, String reason) implements ChatInput {
    }

    /** The connection went down or came back; see {@link dev.haven.client.ReconnectListener}. */
    sealed interface ConnectionChange extends ChatInput {
    }

    record Lost(int code, String reason) implements ConnectionChange {
    }

    /** @param lastFailure why the previous attempt failed, or null for the first after the loss */
    record Retrying(int attempt, Duration delay, String lastFailure) implements ConnectionChange {
    }

    record Reconnected(HelloResult hello) implements ConnectionChange {
    }

    /** The server refused the guest's resume: the chat comes back as a new guest under the same name. */
    record ResumeRefused() implements ConnectionChange {
    }

    record CaughtUp(CatchUp catchUp) implements ConnectionChange {
    }

    record RejoinFailed(String room, HavenErrorException error) implements ConnectionChange {
    }

    record GaveUp(int attempts) implements ConnectionChange {
    }

    /** A private check-in ended while the connection was down. */
    record CheckinEnded(String checkinId) implements ConnectionChange {
    }
}
