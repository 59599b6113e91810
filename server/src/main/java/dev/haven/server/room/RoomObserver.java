package dev.haven.server.room;

/**
 * Hears of what a room does, for the server's metrics. Called on the room's executor, on the
 * message path: an implementation must be quick and take no lock.
 */
public interface RoomObserver {
    RoomObserver NONE = (room, receivedNanos, deliveries) -> { };

    /**
     * A message was accepted and handed to every connection in the room.
     *
     * @param receivedNanos {@link System#nanoTime()} when its {@code send} reached the room
     * @param deliveries    how many connections it was handed to
     */
    void messageAccepted(String room, long receivedNanos, int deliveries);
}
