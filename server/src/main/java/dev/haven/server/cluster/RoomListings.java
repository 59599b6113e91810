package dev.haven.server.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The room directory across nodes: what each room's owner says of its room now (the room
 * object the {@code rooms} request lists: members, state, settings; and how many check-ins are
 * open), so that any node answers {@code rooms} with live figures. Owners publish what changed
 * about once a second; a listing from an older tenure (a lower epoch) never replaces a newer
 * one. Holds no message text.
 */
public interface RoomListings {
    /** Publishes these listings; each is kept unless the store holds one with a higher epoch. */
    CompletableFuture<Void> publish(List<Listing> listings);

    /** Every room's listing. */
    CompletableFuture<Map<String, Listing>> all();

    /** Forgets a room (archived). */
    CompletableFuture<Void> remove(String room);

    /**
     * @param info         the room object's JSON, as the {@code rooms} request lists it
     * @param openCheckins how many check-ins are open in the room
     */
    record Listing(String room, long epoch, int openCheckins, byte[] info) {
    }
}
