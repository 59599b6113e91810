package dev.haven.server.cluster;

import static dev.haven.server.cluster.RedisStores.bytes;
import static dev.haven.server.cluster.RedisStores.text;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Room listings in Redis: one hash, {@code haven:rooms:live}, room id to
 * {@code <epoch>:<open check-ins>:<room JSON>}; {@code listing_put.lua} keeps a listing of a
 * newer tenure against an older one.
 */
final class RedisRoomListings implements RoomListings {
    static final LuaScript PUT = LuaScript.of("listing_put.lua");

    private final RedisStores redis;

    RedisRoomListings(RedisStores redis) {
        this.redis = redis;
    }

    @Override
    public CompletableFuture<Void> publish(List<Listing> listings) {
        if (listings.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[][] args = new byte[listings.size() * 3][];
        int i = 0;
        for (Listing listing : listings) {
            args[i++] = bytes(listing.room());
            args[i++] = bytes(listing.epoch());
            args[i++] = value(listing);
        }
        return redis.<Long>run(PUT, ScriptOutputType.INTEGER, new String[] {RedisKeys.LISTINGS}, args)
                .thenApply(written -> null);
    }

    @Override
    public CompletableFuture<Map<String, Listing>> all() {
        try {
            return RedisStores.unavailableOnFailure(redis.commands().hgetall(RedisKeys.LISTINGS).toCompletableFuture())
                    .thenApply(raw -> {
                        Map<String, Listing> listings = new HashMap<>();
                        raw.forEach((room, value) -> listings.put(room, parse(room, value)));
                        return listings;
                    });
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> remove(String room) {
        try {
            return RedisStores.unavailableOnFailure(redis.commands().hdel(RedisKeys.LISTINGS, room).toCompletableFuture())
                    .thenApply(removed -> null);
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static byte[] value(Listing listing) {
        byte[] head = (listing.epoch() + ":" + listing.openCheckins() + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] value = Arrays.copyOf(head, head.length + listing.info().length);
        System.arraycopy(listing.info(), 0, value, head.length, listing.info().length);
        return value;
    }

    private static Listing parse(String room, byte[] value) {
        int first = indexOf(value, 0);
        int second = indexOf(value, first + 1);
        long epoch = Long.parseLong(text(Arrays.copyOfRange(value, 0, first)));
        int checkins = Integer.parseInt(text(Arrays.copyOfRange(value, first + 1, second)));
        return new Listing(room, epoch, checkins, Arrays.copyOfRange(value, second + 1, value.length));
    }

    private static int indexOf(byte[] value, int from) {
        for (int i = from; i < value.length; i++) {
            if (value[i] == ':') {
                return i;
            }
        }
        throw new IllegalStateException("a malformed room listing");
    }
}
