package dev.haven.server.room;

import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.server.care.CareServices;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.FrameEncoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every room of the server: those of the configuration, and those operators create or archive
 * while it runs. Lookups and the directory read concurrent collections and take no lock; the
 * rare creation and removal are serialised by the registry's monitor, so the id map and the
 * directory's order change together.
 */
public final class RoomRegistry {
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    /** How the dispatcher reaches each room: the room itself, unless a cluster routes it. */
    private final Map<String, RoomHandle> handles = new ConcurrentHashMap<>();
    private Function<Room, RoomHandle> router = room -> room;
    /** Runs for each room created from now on, before it is reachable (its kept state). */
    private Consumer<Room> setup = room -> { };
    private final List<Room> ordered = new CopyOnWriteArrayList<>();
    private final CareServices care;
    private final HavenConfig config;
    private final Supplier<RoomExecutor> executors;
    private final Clock clock;
    private final FrameEncoder encoder;
    private final RoomObserver observer;

    /**
     * @param executors gives each new room the executor it is bound to (round-robin over the
     *                  event loops in the server, inline in tests)
     */
    public RoomRegistry(HavenConfig config, Supplier<RoomExecutor> executors, Clock clock, FrameEncoder encoder) {
        this(config, executors, clock, encoder, CareServices.create(config, clock), RoomObserver.NONE);
    }

    /**
     * @param care     the duty of care every room shares
     * @param observer hears of every room's accepted messages
     */
    public RoomRegistry(HavenConfig config, Supplier<RoomExecutor> executors, Clock clock, FrameEncoder encoder,
                        CareServices care, RoomObserver observer) {
        this.care = care;
        this.config = config;
        this.executors = executors;
        this.clock = clock;
        this.encoder = encoder;
        this.observer = observer;
        for (RoomSettings settings : config.rooms()) {
            create(settings);
        }
    }

    /**
     * Adds a room to the directory, joinable at once.
     *
     * @return the new room, or null when a room with its id exists
     */
    public synchronized Room create(RoomSettings settings) {
        if (rooms.containsKey(settings.id())) {
            return null;
        }
        Room room = new Room(settings, config, executors.get(), clock, encoder, care, new Random(), observer);
        setup.accept(room);
        rooms.put(settings.id(), room);
        handles.put(settings.id(), router.apply(room));
        ordered.add(room);
        return room;
    }

    /**
     * Puts a handle in front of every room, those created later included (a cluster's, which
     * forwards to the room's owner when that is another node); called before the server serves.
     */
    public synchronized void routeThrough(Function<Room, RoomHandle> newRouter) {
        this.router = newRouter;
        for (Room room : ordered) {
            handles.put(room.id(), newRouter.apply(room));
        }
    }

    /**
     * Runs {@code newSetup} for every room created from now on, before anyone can reach it (the
     * lone node restores each room's kept state so); the rooms already there are the caller's.
     */
    public synchronized void whenCreated(Consumer<Room> newSetup) {
        this.setup = newSetup;
    }

    /** How to reach the room with this id, or null. */
    public RoomHandle handle(String id) {
        return handles.get(id);
    }

    /** How to reach every room, in directory order: a snapshot. */
    public List<RoomHandle> handles() {
        List<RoomHandle> all = new ArrayList<>(ordered.size());
        for (Room room : ordered) {
            RoomHandle handle = handles.get(room.id());
            if (handle != null) {
                all.add(handle);
            }
        }
        return all;
    }

    /**
     * A new instance of a room, with its settings as they stand, in place of the one held (the
     * directory keeps its place): a cluster's node that takes the room over builds it afresh.
     *
     * @param executor the executor the new instance is bound to
     * @return the new instance, or null when the registry has no such room
     */
    public synchronized Room renew(String id, RoomExecutor executor) {
        Room old = rooms.get(id);
        if (old == null) {
            return null;
        }
        Room fresh = new Room(old.operations().settings(), config, executor, clock, encoder, care, new Random(),
                observer);
        rooms.put(id, fresh);
        ordered.set(ordered.indexOf(old), fresh);
        return fresh;
    }

    /** Takes a room out of the directory (after {@link RoomOperations#archive}). */
    public synchronized void remove(Room room) {
        if (rooms.remove(room.id(), room)) {
            handles.remove(room.id());
            ordered.remove(room);
        }
    }

    /** What every room's duty of care shares, the supervisors' desk among it. */
    public CareServices care() {
        return care;
    }

    /** The room with this id, or null. */
    public Room find(String id) {
        return rooms.get(id);
    }

    /** The rooms in directory order: a snapshot. */
    public List<Room> all() {
        return List.copyOf(ordered);
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
            RoomHandle handle = handles.get(room.id());
            RoomInfo info = handle == null ? room.info() : handle.info();
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
