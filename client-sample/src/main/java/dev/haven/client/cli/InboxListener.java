package dev.haven.client.cli;

import dev.haven.client.HavenListener;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.RoomUpdated;

/** Runs on the client's receiving thread and only queues: the chat's own thread handles every event. */
final class InboxListener implements HavenListener {
    private final ChatInbox inbox;

    InboxListener(ChatInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void onMessage(MessageEvent message) {
        inbox.received(new ChatInput.Event(message));
    }

    @Override
    public void onPresence(PresenceEvent presence) {
        inbox.received(new ChatInput.Event(presence));
    }

    @Override
    public void onNotice(Notice notice) {
        inbox.received(new ChatInput.Event(notice));
    }

    @Override
    public void onAlert(Alert alert) {
        inbox.received(new ChatInput.Event(alert));
    }

    @Override
    public void onMessageDeleted(MessageDeleted deleted) {
        inbox.received(new ChatInput.Event(deleted));
    }

    @Override
    public void onRoomUpdated(RoomUpdated updated) {
        inbox.received(new ChatInput.Event(updated));
    }

    @Override
    public void onResource(ResourceEvent resource) {
        inbox.received(new ChatInput.Event(resource));
    }

    @Override
    public void onHeldMessage(HeldMessage held) {
        inbox.received(new ChatInput.Event(held));
    }

    @Override
    public void onClosed(int code, String reason) {
        inbox.received(new ChatInput.Closed(code, reason));
    }
}
