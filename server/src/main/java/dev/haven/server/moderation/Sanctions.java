package dev.haven.server.moderation;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A room's mutes and bans. A sanction lasts until a time or until lifted. Expired entries no
 * longer count, and {@link #purgeExpired}, which the room's timers and sweep call, drops them,
 * so memory does not grow with the number of past sanctions. A guest's ban also holds against the address it
 * connected from, since a guest can otherwise come back under a new name.
 */
public final class Sanctions {
    /** Stands for "until lifted". */
    public static final long FOREVER = Long.MAX_VALUE;

    private final Clock clock;
    private final Map<String, Long> mutedUntil = new HashMap<>();
    private final Map<String, Ban> bans = new HashMap<>();
    /** For each address, the guests banned from it and until when; one guest's ban never shortens another's. */
    private final Map<String, Map<String, Long>> bannedAddresses = new HashMap<>();

    private record Ban(long until, String address) {
    }

    public Sanctions(Clock clock) {
        this.clock = clock;
    }

    public void mute(String userId, long until) {
        mutedUntil.put(userId, until);
    }

    /** @return whether the user was muted */
    public boolean unmute(String userId) {
        Long until = mutedUntil.remove(userId);
        return until != null && until > clock.millis();
    }

    /** When the user's mute ends, {@link #FOREVER} if never, or null when not muted now. */
    public Long mutedUntil(String userId) {
        Long until = mutedUntil.get(userId);
        return until != null && until > clock.millis() ? until : null;
    }

    /**
     * The stored end of the user's mute even when it has passed, so the timer that ends it can
     * tell "my mute ran out" from "the mute was lifted or replaced".
     */
    public Long mutedUntilIncludingExpired(String userId) {
        return mutedUntil.get(userId);
    }

    public boolean isMuted(String userId) {
        return mutedUntil(userId) != null;
    }

    /** @param guestAddress the address of a guest to refuse as well, or null */
    public void ban(String userId, long until, String guestAddress) {
        Ban previous = bans.put(userId, new Ban(until, guestAddress));
        if (previous != null && previous.address() != null) {
            forgetAddress(previous.address(), userId);
        }
        if (guestAddress != null) {
            bannedAddresses.computeIfAbsent(guestAddress, a -> new HashMap<>()).put(userId, until);
        }
    }

    /** @return whether the user was banned */
    public boolean unban(String userId) {
        Ban ban = bans.remove(userId);
        if (ban == null) {
            return false;
        }
        if (ban.address() != null) {
            forgetAddress(ban.address(), userId);
        }
        return ban.until() > clock.millis();
    }

    private void forgetAddress(String address, String userId) {
        Map<String, Long> guests = bannedAddresses.get(address);
        if (guests != null) {
            guests.remove(userId);
            if (guests.isEmpty()) {
                bannedAddresses.remove(address);
            }
        }
    }

    /** Whether this user, or a guest from this address, is banned now. */
    public boolean isBanned(String userId, boolean guest, String address) {
        long now = clock.millis();
        Ban ban = bans.get(userId);
        if (ban != null && ban.until() > now) {
            return true;
        }
        Map<String, Long> guests = guest && address != null ? bannedAddresses.get(address) : null;
        return guests != null && guests.values().stream().anyMatch(until -> until > now);
    }

    /** Every mute in force now: user id to its end ({@link #FOREVER} until lifted). */
    public Map<String, Long> activeMutes() {
        long now = clock.millis();
        Map<String, Long> active = new HashMap<>();
        mutedUntil.forEach((user, until) -> {
            if (until > now) {
                active.put(user, until);
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
        mutedUntil.values().removeIf(until -> until <= now);
        bans.values().removeIf(ban -> ban.until() <= now);
        bannedAddresses.values().forEach(guests -> guests.values().removeIf(until -> until <= now));
        bannedAddresses.values().removeIf(Map::isEmpty);
    }

    /** How many entries are held, expired or not; for tests of the cleanup. */
    public int size() {
        return mutedUntil.size() + bans.size() + bannedAddresses.values().stream().mapToInt(Map::size).sum();
    }
}
