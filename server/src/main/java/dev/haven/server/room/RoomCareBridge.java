package dev.haven.server.room;

import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.care.CareRoom;
import dev.haven.server.config.RoomSettings;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/** The room as its duty of care sees it; on the room's executor alone. */
final class RoomCareBridge implements CareRoom {
    private final Room room;

    RoomCareBridge(Room room) {
        this.room = room;
    }

    @Override
    public String id() {
        return room.id();
    }

    @Override
    public RoomSettings settings() {
        return room.settings;
    }

    @Override
    public boolean staffPresentBesides(String userId) {
        return room.presence.all().stream().anyMatch(m -> m.isFacilitator() && !m.id().equals(userId));
    }

    @Override
    public boolean isPresent(String userId) {
        return room.presence.get(userId) != null;
    }

    @Override
    public UserInfo present(String userId) {
        Member member = room.presence.get(userId);
        return member == null ? null : member.userInfo();
    }

    @Override
    public void toStaffBesides(String userId, ServerMessage event) {
        room.presence.toFacilitatorsExcept(userId, event);
    }

    @Override
    public void toUser(String userId, ServerMessage message) {
        Member member = room.presence.get(userId);
        if (member != null) {
            Presence.tell(member, message);
        }
    }

    @Override
    public void toEveryone(ServerMessage event) {
        room.presence.broadcast(event);
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        room.executor.schedule(task, delay);
    }

    @Override
    public void alertsChanged() {
        room.durable.changed(DurableState.ALERTS);
    }

    @Override
    public void execute(Runnable task) {
        try {
            room.executor.execute(task);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping; the room's loop takes no more work.
        }
    }

    @Override
    public void audit(String actor, String actorName, String action, String target, String targetName,
                      String reason) {
        room.audit.record(room.clock.millis(), actor, actorName, action, target, targetName, reason);
    }
}
