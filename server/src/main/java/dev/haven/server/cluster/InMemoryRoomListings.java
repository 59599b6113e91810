package dev.haven.server.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Room listings in this process's memory, as {@code RedisRoomListings} keeps them. Thread-safe: every method holds the object's lock. */
final class InMemoryRoomListings implements RoomListings {
    private final Map<String, Listing> listings = new HashMap<>();

    @Override
    public synchronized CompletableFuture<Void> publish(List<Listing> published) {
        for (Listing listing : published) {
            Listing held = listings.get(listing.room());
            if (held == null || held.epoch() <= listing.epoch()) {
                listings.put(listing.room(), listing);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Map<String, Listing>> all() {
        return CompletableFuture.completedFuture(Map.copyOf(listings));
    }

    @Override
    public synchronized CompletableFuture<Void> remove(String room) {
        listings.remove(room);
        return CompletableFuture.completedFuture(null);
    }

    synchronized void clear() {
        listings.clear();
    }
}
