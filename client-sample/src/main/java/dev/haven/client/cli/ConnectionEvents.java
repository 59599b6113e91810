package dev.haven.client.cli;

import dev.haven.client.CatchUp;
import dev.haven.client.HavenClient;
import dev.haven.protocol.CloseCode;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows the connection going down and coming back, and applies what that changes: the user's
 * id (a guest keeps its own, unless the server refused its resume), the room's presence after the rejoin, a
 * restarted server's seq numbers, a room the chat could not get back into. The missed messages
 * themselves follow as events. Used by the session's thread alone.
 */
final class ConnectionEvents {
    private final ChatState state;
    private final Transcript out;
    private final int maxAttempts;
    /** Why the connection was lost, until the line that says when the chat tries again. */
    private String lost;
    private int gaveUpAfter;

    ConnectionEvents(ChatState state, Transcript out, int maxAttempts) {
        this.state = state;
        this.out = out;
        this.maxAttempts = maxAttempts;
    }

    void handle(ChatInput.ConnectionChange change) {
        if (change instanceof ChatInput.Lost l) {
            lost = why(l.code(), l.reason());
        } else if (change instanceof ChatInput.Retrying retry) {
            retrying(retry);
        } else if (change instanceof ChatInput.Reconnected reconnected) {
            state.me = reconnected.hello().user();
            out.info("Reconnected.");
        } else if (change instanceof ChatInput.ResumeRefused) {
            out.info("Your earlier visit could not be resumed: you are back under the same name, as a new guest.");
        } else if (change instanceof ChatInput.CaughtUp caughtUp) {
            caughtUp(caughtUp.catchUp());
        } else if (change instanceof ChatInput.RejoinFailed failed) {
            CurrentRoom room = state.room;
            if (room != null && room.id().equals(failed.room())) {
                state.room = null;
                out.error(failed.error().wireCode(), "you could not get back into " + Transcript.clean(room.name())
                        + ": " + failed.error().serverMessage());
            }
        } else if (change instanceof ChatInput.CheckinEnded ended) {
            ChatCheckins.Entry gone = state.checkins.remove(ended.checkinId());
            if (gone != null) {
                out.info(CheckinText.endedWhileAway(gone.number()));
            }
        } else if (change instanceof ChatInput.GaveUp gaveUp) {
            gaveUpAfter = gaveUp.attempts();
        }
    }

    /** The number of attempts made before giving up, or 0 when the chat did not give up. */
    int gaveUpAfter() {
        return gaveUpAfter;
    }

    private void retrying(ChatInput.Retrying retry) {
        String when = retry.delay().toMillis() < 100 ? "now" : "in " + seconds(retry.delay());
        if (retry.lastFailure() == null) {
            out.info("Connection lost (" + (lost == null ? "the connection ended" : lost) + "); reconnecting "
                    + when + "... (/quit to stop)");
        } else {
            out.info("Could not reconnect (" + Transcript.clean(retry.lastFailure()) + "); trying again " + when
                    + " (attempt " + retry.attempt() + " of " + maxAttempts + ")...");
        }
        lost = null;
    }

    private void caughtUp(CatchUp catchUp) {
        CurrentRoom room = state.room;
        if (room == null || !room.id().equals(catchUp.room())) {
            return;
        }
        String name = Transcript.clean(room.name());
        if (catchUp.waiting()) {
            state.room = null;
            state.awaitingAdmission.put(room.id(), true);
            state.lastShown.put(room.id(), room.lastSeq());
            out.info(name + " now admits members by approval: you are waiting for a facilitator to let you back in.");
            return;
        }
        if (catchUp.afterReconnect()) {
            room.rejoined(catchUp.reply(), catchUp.restarted());
            if (catchUp.restarted()) {
                out.info("The server restarted: messages from before are no longer held, and message numbers "
                        + "start again.");
            }
            out.info("Back in " + name + ": " + (catchUp.missed() == 0 ? "nothing new while you were away"
                    : "caught up " + catchUp.missed() + (catchUp.missed() == 1 ? " message" : " messages"))
                    + ". Here now: " + Transcript.names(room.members()) + ".");
        }
        if (catchUp.gap()) {
            out.info("(Some messages were missed while you were away: they are no longer held.)");
        }
    }

    /** Why a connection ended, in words. */
    static String why(int code, String reason) {
        String said = reason == null || reason.isBlank() ? "" : Transcript.clean(reason);
        if (code == CloseCode.GOING_AWAY.code()) {
            return "the server is restarting or shutting down";
        }
        if (code == CloseCode.SERVICE_RESTART.code()) {
            return "this server is restarting; another one takes over";
        }
        if (code == CloseCode.NORMAL.code() && said.equals("heartbeat timeout")) {
            return "the server stopped hearing from this client";
        }
        if (code == CloseCode.POLICY_VIOLATION.code() && said.equals("slow")) {
            return "this client fell behind the conversation";
        }
        if (code == HavenClient.ABNORMAL_CLOSURE) {
            // The client's own words (no answer to a ping, a failed attempt), or a broken connection.
            return said.isEmpty() || said.startsWith("connection lost") ? "the network connection broke" : said;
        }
        return code + (said.isEmpty() ? "" : ": " + said);
    }

    private static String seconds(Duration delay) {
        return String.format(Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
    }
}
