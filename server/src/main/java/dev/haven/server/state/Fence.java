package dev.haven.server.state;

/**
 * Who may write one room's state now; a {@link RoomStateStore} checks it on every write. In a
 * cluster it is the room owner's lease ({@code dev.haven.server.cluster.Lease}, whose token names
 * one tenure): the store refuses a write once that lease no longer holds, so a node that lost a
 * room can never write over its successor. On a lone node it is {@link #lone}: the state
 * directory's lock keeps every other server out of the directory, so that fence always holds.
 */
public interface Fence {
    String room();

    /** What the store compares with the room's current holder. */
    String token();

    /** The lone node's fence for a room: the state directory's lock does the fencing. */
    static Fence lone(String room) {
        return new Lone(room);
    }

    /** @param room the room written */
    record Lone(String room) implements Fence {
        @Override
        public String token() {
            return "lone";
        }
    }
}
