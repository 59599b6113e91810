package dev.haven.server.state;

import dev.haven.server.config.RoomSettings;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The catalog in memory: what a restart forgets. Thread-safe through its monitor; called rarely. */
final class MemoryRoomCatalog implements RoomCatalog {
    private final Map<String, RoomSettings> rooms = new LinkedHashMap<>();
    private final Set<String> archived = new HashSet<>();

    @Override
    public synchronized CatalogSnapshot load() {
        return new CatalogSnapshot(rooms.values().stream().toList(), archived);
    }

    @Override
    public synchronized void put(RoomSettings room) {
        rooms.put(room.id(), room);
        archived.remove(room.id());
    }

    @Override
    public synchronized void archive(String roomId) {
        rooms.remove(roomId);
        archived.add(roomId);
    }
}
