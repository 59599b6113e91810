package dev.haven.client;

import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.RoundEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps everything a client hands its listener, for tests to wait on. */
final class RecordingListener implements HavenListener {
    record Closing(int code, String reason) {
    }

    final List<MessageEvent> messages = new CopyOnWriteArrayList<>();
    final List<PresenceEvent> presences = new CopyOnWriteArrayList<>();
    final List<Notice> notices = new CopyOnWriteArrayList<>();
    final List<Alert> alerts = new CopyOnWriteArrayList<>();
    final List<MessageDeleted> deletions = new CopyOnWriteArrayList<>();
    final List<RoomUpdated> roomUpdates = new CopyOnWriteArrayList<>();
    final List<RoundEvent> rounds = new CopyOnWriteArrayList<>();
    final List<MoodPollEvent> polls = new CopyOnWriteArrayList<>();
    final List<MoodSummary> summaries = new CopyOnWriteArrayList<>();
    final List<dev.haven.protocol.server.Announcement> announcements = new CopyOnWriteArrayList<>();
    final CompletableFuture<Closing> closed = new CompletableFuture<>();
    final AtomicInteger closeCalls = new AtomicInteger();

    @Override
    public void onMessage(MessageEvent message) {
        messages.add(message);
    }

    @Override
    public void onPresence(PresenceEvent presence) {
        presences.add(presence);
    }

    @Override
    public void onNotice(Notice notice) {
        notices.add(notice);
    }

    @Override
    public void onAlert(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void onMessageDeleted(MessageDeleted deleted) {
        deletions.add(deleted);
    }

    @Override
    public void onRoomUpdated(RoomUpdated updated) {
        roomUpdates.add(updated);
    }

    @Override
    public void onRound(RoundEvent round) {
        rounds.add(round);
    }

    @Override
    public void onMoodPoll(MoodPollEvent poll) {
        polls.add(poll);
    }

    @Override
    public void onMoodSummary(MoodSummary summary) {
        summaries.add(summary);
    }

    @Override
    public void onAnnouncement(dev.haven.protocol.server.Announcement announcement) {
        announcements.add(announcement);
    }

    @Override
    public void onClosed(int code, String reason) {
        closeCalls.incrementAndGet();
        closed.complete(new Closing(code, reason));
    }
}
