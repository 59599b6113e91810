package dev.haven.client;

import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.Announcement;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.protocol.server.ServerMessage;
import java.lang.System.Logger.Level;

/** Hands events to a {@link HavenListener}, each to its own method; a failing listener is logged, never fatal. */
final class ListenerCalls {
    private static final System.Logger log = System.getLogger(HavenClient.class.getName());

    private final HavenListener listener;

    ListenerCalls(HavenListener listener) {
        this.listener = listener;
    }

    /** @return false when the frame is no event a listener receives (replies are not) */
    boolean event(ServerMessage message) {
        if (message instanceof MessageEvent event) {
            call(() -> listener.onMessage(event));
        } else if (message instanceof PresenceEvent event) {
            call(() -> listener.onPresence(event));
        } else if (message instanceof Notice notice) {
            call(() -> listener.onNotice(notice));
        } else if (message instanceof Alert alert) {
            call(() -> listener.onAlert(alert));
        } else if (message instanceof MessageDeleted deleted) {
            call(() -> listener.onMessageDeleted(deleted));
        } else if (message instanceof RoomUpdated updated) {
            call(() -> listener.onRoomUpdated(updated));
        } else if (message instanceof ResourceEvent resource) {
            call(() -> listener.onResource(resource));
        } else if (message instanceof HeldMessage held) {
            call(() -> listener.onHeldMessage(held));
        } else if (message instanceof RoundEvent round) {
            call(() -> listener.onRound(round));
        } else if (message instanceof MoodPollEvent poll) {
            call(() -> listener.onMoodPoll(poll));
        } else if (message instanceof MoodSummary summary) {
            call(() -> listener.onMoodSummary(summary));
        } else if (message instanceof CheckinEvent checkin) {
            call(() -> listener.onCheckin(checkin));
        } else if (message instanceof CheckinMessage checkinMessage) {
            call(() -> listener.onCheckinMessage(checkinMessage));
        } else if (message instanceof Announcement announcement) {
            call(() -> listener.onAnnouncement(announcement));
        } else {
            return false;
        }
        return true;
    }

    void closed(int code, String reason) {
        call(() -> listener.onClosed(code, reason));
    }

    /** Runs one listener call; a failure is logged, never passed on. */
    static void call(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "the listener failed", e);
        }
    }
}
