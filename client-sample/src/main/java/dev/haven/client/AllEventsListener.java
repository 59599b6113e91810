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

/**
 * A listener that takes every event in one method, whatever its type, for code that queues or
 * forwards events rather than showing each kind its own way.
 */
public interface AllEventsListener extends ReconnectListener {
    /**
     * A message, presence change, notice, alert, deleted message, room change, shared helpline,
     * held message, round, mood check-in or its summary, private check-in or its message, in arrival order.
     */
    void onEvent(ServerMessage event);

    @Override
    default void onMessage(MessageEvent message) {
        onEvent(message);
    }

    @Override
    default void onPresence(PresenceEvent presence) {
        onEvent(presence);
    }

    @Override
    default void onNotice(Notice notice) {
        onEvent(notice);
    }

    @Override
    default void onAlert(Alert alert) {
        onEvent(alert);
    }

    @Override
    default void onMessageDeleted(MessageDeleted deleted) {
        onEvent(deleted);
    }

    @Override
    default void onRoomUpdated(RoomUpdated updated) {
        onEvent(updated);
    }

    @Override
    default void onResource(ResourceEvent resource) {
        onEvent(resource);
    }

    @Override
    default void onHeldMessage(HeldMessage held) {
        onEvent(held);
    }

    @Override
    default void onRound(RoundEvent round) {
        onEvent(round);
    }

    @Override
    default void onMoodPoll(MoodPollEvent poll) {
        onEvent(poll);
    }

    @Override
    default void onMoodSummary(MoodSummary summary) {
        onEvent(summary);
    }

    @Override
    default void onCheckin(CheckinEvent checkin) {
        onEvent(checkin);
    }

    @Override
    default void onCheckinMessage(CheckinMessage message) {
        onEvent(message);
    }

    @Override
    default void onAnnouncement(Announcement announcement) {
        onEvent(announcement);
    }
}
