package dev.haven.server.cluster;

import dev.haven.server.room.RoomExecutor;
import java.time.Duration;

/**
 * The executor of a room's instance on a node of a cluster while the node does not serve the
 * room: the instance answers for its settings (what operators change reaches every node) and
 * nothing else, so its tasks run at once on the caller's thread, one at a time, and it arms no
 * timers: a room's schedule, grace periods and escalations run on its owner alone
 * ({@link TenureExecutor}).
 */
public final class StandbyExecutor implements RoomExecutor {
    @Override
    public synchronized void execute(Runnable task) {
        task.run();
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        return () -> { };
    }
}
