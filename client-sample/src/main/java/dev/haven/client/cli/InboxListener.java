package dev.haven.client.cli;

import dev.haven.client.AllEventsListener;
import dev.haven.client.CatchUp;
import dev.haven.client.HavenErrorException;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.ServerMessage;
import java.time.Duration;

/** Runs on the client's thread and only queues: the chat's own thread handles everything. */
final class InboxListener implements AllEventsListener {
    private final ChatInbox inbox;

    InboxListener(ChatInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void onEvent(ServerMessage event) {
        inbox.received(new ChatInput.Event(event));
    }

    @Override
    public void onConnectionLost(int code, String reason) {
        inbox.received(new ChatInput.Lost(code, reason));
    }

    @Override
    public void onReconnectScheduled(int attempt, Duration delay, String lastFailure) {
        inbox.received(new ChatInput.Retrying(attempt, delay, lastFailure));
    }

    @Override
    public void onReconnected(HelloResult hello) {
        inbox.received(new ChatInput.Reconnected(hello));
    }

    @Override
    public void onResumeRefused() {
        inbox.received(new ChatInput.ResumeRefused());
    }

    @Override
    public void onCaughtUp(CatchUp catchUp) {
        inbox.received(new ChatInput.CaughtUp(catchUp));
    }

    @Override
    public void onRejoinFailed(String room, HavenErrorException error) {
        inbox.received(new ChatInput.RejoinFailed(room, error));
    }

    @Override
    public void onCheckinEnded(CheckinInfo lastSeen) {
        inbox.received(new ChatInput.CheckinEnded(lastSeen.id()));
    }

    @Override
    public void onGaveUp(int attempts) {
        inbox.received(new ChatInput.GaveUp(attempts));
    }

    @Override
    public void onClosed(int code, String reason) {
        inbox.received(new ChatInput.Closed(code, reason));
    }
}
