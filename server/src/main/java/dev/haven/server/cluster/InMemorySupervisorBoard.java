package dev.haven.server.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The supervisors' board in this process's memory. Thread-safe: every method holds the object's lock. */
final class InMemorySupervisorBoard implements SupervisorBoard {
    private final Map<String, List<byte[]>> open = new LinkedHashMap<>();
    private final Map<NodeId, byte[]> duty = new HashMap<>();

    @Override
    public synchronized CompletableFuture<Void> escalated(String room, String alertId, byte[] frame) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(frame);
        open.put(key(room, alertId), frames);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> updated(String room, String alertId, byte[] frame) {
        List<byte[]> frames = open.get(key(room, alertId));
        if (frames != null) {
            frames.add(frame);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> closed(String room, String alertId) {
        open.remove(key(room, alertId));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<List<List<byte[]>>> open() {
        List<List<byte[]>> all = new ArrayList<>();
        open.values().forEach(frames -> all.add(List.copyOf(frames)));
        return CompletableFuture.completedFuture(all);
    }

    @Override
    public synchronized CompletableFuture<Map<NodeId, byte[]>> duty(NodeId self, byte[] mine) {
        duty.put(self, mine);
        return CompletableFuture.completedFuture(Map.copyOf(duty));
    }

    synchronized void clear() {
        open.clear();
        duty.clear();
    }

    static String key(String room, String alertId) {
        return room + '\u0000' + alertId;
    }
}
