package dev.haven.server.room;

import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.checkin.CheckinRoom;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The room as its check-ins see it; on the room's executor alone. */
final class RoomCheckinBridge implements CheckinRoom {
    private final Room room;

    RoomCheckinBridge(Room room) {
        this.room = room;
    }

    @Override
    public String id() {
        return room.id();
    }

    @Override
    public boolean requiresWitness() {
        return room.settings.checkinWitness();
    }

    @Override
    public UserInfo present(String userId) {
        Member member = room.presence.get(userId);
        return member == null ? null : member.userInfo();
    }

    @Override
    public List<Session> sessionsOf(String userId) {
        Member member = room.presence.get(userId);
        return member == null ? List.of() : member.sessions();
    }

    @Override
    public List<UserInfo> staffPresent() {
        List<UserInfo> staff = new ArrayList<>(2);
        for (Member member : room.presence.all()) {
            if (member.isFacilitator()) {
                staff.add(member.userInfo());
            }
        }
        return staff;
    }

    @Override
    public void deliver(Collection<Session> to, ServerMessage event) {
        if (to.isEmpty()) {
            return;
        }
        OutboundFrame frame = room.encoder.encode(event);
        try {
            to.forEach(session -> session.deliver(frame));
        } finally {
            frame.release();
        }
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        return room.executor.schedule(task, delay);
    }

    @Override
    public void audit(String actor, String actorName, String action, String target, String targetName,
                      String reason) {
        room.audit.record(room.clock.millis(), actor, actorName, action, target, targetName, reason);
    }
}
