package dev.haven.server.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A room's mutes and bans. A sanction lasts until a time or until lifted. Expired entries no
 * longer count, and {@link #purgeExpired}, which the room's timers and sweep call, drops them,
 * so memory does not grow with the number of past sanctions. A guest's mute and ban also hold
 * against the address it connected from, since a guest can otherwise come back under a new
 * name: the room refuses a new guest from a banned address, and mutes one from a muted address.
 * Every mute and ban given or lifted is told to {@link #onChange} (the room keeps them through
 * restarts: {@link #keptMutes}, {@link #keptBans}, {@link #restore}). Used on the room's executor
 * alone.
 */
public final class Sanctions {
    /** Stands for "until lifted". */
    public static final long FOREVER = Long.MAX_VALUE;

    private final Clock clock;
    private final Map<String, Sanction> mutes = new HashMap<>();
    private final Map<String, Sanction> bans = new HashMap<>();
    private final AddressRule mutedAddresses = new AddressRule();
    private final AddressRule bannedAddresses = new AddressRule();

    private Runnable onChange = () -> { };

    /** @param address the guest's address the sanction also holds against, or null */
    private record Sanction(long until, String address) {
    }

    /**
     * A mute or ban in force, as a store keeps it.
     *
     * @param until   when it ends, {@link #FOREVER} until lifted
     * @param address the guest's address it also holds against, or null
     */
    public record Kept(String user, long until, String address) {
    }

    public Sanctions(Clock clock) {
        this.clock = clock;
    }

    /** Runs after every mute or ban given or lifted. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Every mute in force now, with its end and address. */
    public List<Kept> keptMutes() {
        return kept(mutes);
    }

    /** Every ban in force now, with its end and address. */
    public List<Kept> keptBans() {
        return kept(bans);
    }

    /** Replaces every sanction with those kept (a restart, or a new owner); those that ended meanwhile are dropped. */
    public void restore(List<Kept> keptMutes, List<Kept> keptBans) {
        mutes.clear();
        bans.clear();
        mutedAddresses.clear();
        bannedAddresses.clear();
        long now = clock.millis();
        keptMutes.stream().filter(kept -> kept.until() > now)
                .forEach(kept -> put(mutes, mutedAddresses, kept.user(), kept.until(), kept.address()));
        keptBans.stream().filter(kept -> kept.until() > now)
                .forEach(kept -> put(bans, bannedAddresses, kept.user(), kept.until(), kept.address()));
    }

    private List<Kept> kept(Map<String, Sanction> byUser) {
        long now = clock.millis();
        List<Kept> kept = new ArrayList<>(byUser.size());
        byUser.forEach((user, sanction) -> {
            if (sanction.until() > now) {
                kept.add(new Kept(user, sanction.until(), sanction.address()));
            }
        });
        kept.sort(Comparator.comparing(Kept::user));
        return kept;
    }

    public void mute(String userId, long until) {
        mute(userId, until, null);
    }

    /** @param guestAddress the address of a guest whose new guest sessions are muted as well, or null */
    public void mute(String userId, long until, String guestAddress) {
        put(mutes, mutedAddresses, userId, until, guestAddress);
        onChange.run();
    }

    /** @return whether the user was muted */
    public boolean unmute(String userId) {
        boolean wasMuted = lift(mutes, mutedAddresses, userId);
        onChange.run();
        return wasMuted;
    }

    /** When the user's mute ends, {@link #FOREVER} if never, or null when not muted now. */
    public Long mutedUntil(String userId) {
        Sanction mute = mutes.get(userId);
        return mute != null && mute.until() > clock.millis() ? mute.until() : null;
    }

    /**
     * The stored end of the user's mute even when it has passed, so the timer that ends it can
     * tell "my mute ran out" from "the mute was lifted or replaced".
     */
    public Long mutedUntilIncludingExpired(String userId) {
        Sanction mute = mutes.get(userId);
        return mute == null ? null : mute.until();
    }

    public boolean isMuted(String userId) {
        return mutedUntil(userId) != null;
    }

    /** When the latest guest mute on this address ends, or null when no guest from it is muted now. */
    public Long mutedAddressUntil(String address) {
        return mutedAddresses.activeUntil(address, clock.millis());
    }

    /** @param guestAddress the address of a guest to refuse as well, or null */
    public void ban(String userId, long until, String guestAddress) {
        put(bans, bannedAddresses, userId, until, guestAddress);
        onChange.run();
    }

    /** @return whether the user was banned */
    public boolean unban(String userId) {
        boolean wasBanned = lift(bans, bannedAddresses, userId);
        onChange.run();
        return wasBanned;
    }

    /** Whether this user, or a guest from this address, is banned now. */
    public boolean isBanned(String userId, boolean guest, String address) {
        long now = clock.millis();
        Sanction ban = bans.get(userId);
        if (ban != null && ban.until() > now) {
            return true;
        }
        return guest && address != null && bannedAddresses.activeUntil(address, now) != null;
    }

    /** Every mute in force now: user id to its end ({@link #FOREVER} until lifted). */
    public Map<String, Long> activeMutes() {
        long now = clock.millis();
        Map<String, Long> active = new HashMap<>();
        mutes.forEach((user, mute) -> {
            if (mute.until() > now) {
                active.put(user, mute.until());
            }
        });
        return active;
    }

    /** Every ban in force now: user id to its end ({@link #FOREVER} until lifted). */
    public Map<String, Long> activeBans() {
        long now = clock.millis();
        Map<String, Long> active = new HashMap<>();
        bans.forEach((user, ban) -> {
            if (ban.until() > now) {
                active.put(user, ban.until());
            }
        });
        return active;
    }

    public void purgeExpired() {
        long now = clock.millis();
        mutes.values().removeIf(mute -> mute.until() <= now);
        bans.values().removeIf(ban -> ban.until() <= now);
        mutedAddresses.purge(now);
        bannedAddresses.purge(now);
    }

    /** How many entries are held, expired or not; for tests of the cleanup. */
    public int size() {
        return mutes.size() + bans.size() + mutedAddresses.size() + bannedAddresses.size();
    }

    private static void put(Map<String, Sanction> byUser, AddressRule byAddress, String userId, long until,
                            String address) {
        Sanction previous = byUser.put(userId, new Sanction(until, address));
        if (previous != null && previous.address() != null) {
            byAddress.forget(previous.address(), userId);
        }
        if (address != null) {
            byAddress.add(address, userId, until);
        }
    }

    private boolean lift(Map<String, Sanction> byUser, AddressRule byAddress, String userId) {
        Sanction sanction = byUser.remove(userId);
        if (sanction == null) {
            return false;
        }
        if (sanction.address() != null) {
            byAddress.forget(sanction.address(), userId);
        }
        return sanction.until() > clock.millis();
    }

    /** For each address, the guests sanctioned from it and until when; one guest's sanction never shortens another's. */
    private static final class AddressRule {
        private final Map<String, Map<String, Long>> guestsByAddress = new HashMap<>();

        void add(String address, String userId, long until) {
            guestsByAddress.computeIfAbsent(address, a -> new HashMap<>()).put(userId, until);
        }

        void forget(String address, String userId) {
            Map<String, Long> guests = guestsByAddress.get(address);
            if (guests != null) {
                guests.remove(userId);
                if (guests.isEmpty()) {
                    guestsByAddress.remove(address);
                }
            }
        }

        /** The latest end of a sanction on this address still running, or null. */
        Long activeUntil(String address, long now) {
            Map<String, Long> guests = guestsByAddress.get(address);
            if (guests == null) {
                return null;
            }
            long latest = 0;
            for (long until : guests.values()) {
                latest = Math.max(latest, until);
            }
            return latest > now ? latest : null;
        }

        void clear() {
            guestsByAddress.clear();
        }

        void purge(long now) {
            guestsByAddress.values().forEach(guests -> guests.values().removeIf(until -> until <= now));
            guestsByAddress.values().removeIf(Map::isEmpty);
        }

        int size() {
            return guestsByAddress.values().stream().mapToInt(Map::size).sum();
        }
    }
}
