package dev.haven.server.transport;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ConcurrentHashMap;

/** A server's {@link HeartbeatSweep}s, one per event loop. Thread-safe. */
final class HeartbeatSweeps {
    private final ConcurrentHashMap<EventExecutor, HeartbeatSweep> sweeps = new ConcurrentHashMap<>();

    HeartbeatSweep of(EventExecutor loop, long periodNanos) {
        return sweeps.computeIfAbsent(loop, key -> new HeartbeatSweep(key, periodNanos));
    }
}
