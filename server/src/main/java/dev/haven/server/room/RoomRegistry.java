package dev.haven.server.room;

import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.server.care.CareServices;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.FrameEncoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every room of the server, created once from the configuration; the map never changes, so
 * lookups need no lock.
 */
public final class RoomRegistry {
    private final Map<String, Room> rooms;
    private final List<Room> ordered;
    private final CareServices care;
    /** How the dispatcher reaches each room: the room itself, unless a cluster routes it. */
    private volatile Map<String, RoomHandle> handles;

    /**
     * @param executors gives each new room the executor it is bound to (round-robin over the
     *                  event loops in the server, inline in tests)
     */
    public RoomRegistry(HavenConfig config, Supplier<RoomExecutor> executors, Clock clock, FrameEncoder encoder) {
        this.care = CareServices.create(config, clock);
        Map<String, Room> byId = new LinkedHashMap<>();
        for (RoomSettings settings : config.rooms()) {
            byId.put(settings.id(), new Room(settings, config, executors.get(), clock, encoder, care, new Random()));
        }
        this.rooms = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
        this.handles = Map.copyOf(byId);
    }

    /**
     * Puts a handle in front of every room (a cluster's, which forwards to the room's owner
     * when that is another node); called once, before the server serves.
     */
    public void routeThrough(Function<Room, RoomHandle> router) {
        Map<String, RoomHandle> routed = new LinkedHashMap<>();
        for (Room room : ordered) {
            routed.put(room.id(), router.apply(room));
        }
        this.handles = Map.copyOf(routed);
    }

    /** How to reach the room with this id, or null. */
    public RoomHandle handle(String id) {
        return handles.get(id);
    }

    /** What every room's duty of care shares, the supervisors' desk among it. */
    public CareServices care() {
        return care;
    }

    /** The room with this id, or null. */
    public Room find(String id) {
        return rooms.get(id);
    }

    public List<Room> all() {
        return ordered;
    }

    public int size() {
        return ordered.size();
    }

    /**
     * The directory, in configuration order, filtered by category, by tag (exact, ignoring
     * case) and by free text {@code q} (found in the name, topic or a tag, ignoring case).
     * Null filters match everything.
     */
    public List<RoomInfo> list(RoomCategory category, String tag, String q) {
        String query = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<RoomInfo> result = new ArrayList<>();
        for (Room room : ordered) {
            RoomInfo info = room.info();
            if (category != null && info.category() != category) {
                continue;
            }
            if (tag != null && info.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag.strip()))) {
                continue;
            }
            if (query != null && !matches(info, query)) {
                continue;
            }
            result.add(info);
        }
        return result;
    }

    private static boolean matches(RoomInfo info, String query) {
        return info.name().toLowerCase(Locale.ROOT).contains(query)
                || info.topic().toLowerCase(Locale.ROOT).contains(query)
                || info.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(query));
    }
}
