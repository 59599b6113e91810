package dev.haven.server.state;

import dev.haven.server.config.RoomSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog as saved.
 *
 * @param rooms    rooms created or changed at run time, in the order they were first saved
 * @param archived ids of rooms archived at run time
 */
public record CatalogSnapshot(List<RoomSettings> rooms, Set<String> archived) {
    public CatalogSnapshot {
        rooms = List.copyOf(rooms);
        archived = Set.copyOf(archived);
    }

    public static CatalogSnapshot empty() {
        return new CatalogSnapshot(List.of(), Set.of());
    }

    /**
     * The rooms to serve: the configured ones in their order, each replaced by its saved version,
     * then the rooms created at run time, without the archived ones.
     */
    public List<RoomSettings> applyTo(List<RoomSettings> configured) {
        Map<String, RoomSettings> byId = new LinkedHashMap<>();
        configured.forEach(room -> byId.put(room.id(), room));
        rooms.forEach(room -> byId.put(room.id(), room));
        archived.forEach(byId::remove);
        return new ArrayList<>(byId.values());
    }
}
