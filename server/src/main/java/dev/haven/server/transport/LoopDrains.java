package dev.haven.server.transport;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ConcurrentHashMap;

/** A server's {@link LoopDrain}s, one per event loop, made when a loop's first connection asks. Thread-safe. */
final class LoopDrains {
    private final ConcurrentHashMap<EventExecutor, LoopDrain> drains = new ConcurrentHashMap<>();

    LoopDrain of(EventExecutor loop) {
        return drains.computeIfAbsent(loop, LoopDrain::new);
    }
}
