package dev.haven.server.state;

import dev.haven.server.config.RoomSettings;

/**
 * The rooms as operators changed them at run time, over what the configuration file says: rooms
 * created, rooms whose settings changed (the whole room is kept), and rooms archived. A room's
 * settings hold no message text. Implementations are safe to call from any thread.
 */
public interface RoomCatalog {
    /** What was saved; empty when nothing ever was. */
    CatalogSnapshot load();

    /** Keeps a room created or changed; it takes the place of a configured room with the same id. */
    void put(RoomSettings room);

    /** Keeps that a room was archived: it stays out of the directory after a restart, configured or not. */
    void archive(String roomId);

    /** A catalog in memory alone, for tests and for a server started without a state directory. */
    static RoomCatalog inMemory() {
        return new MemoryRoomCatalog();
    }
}
