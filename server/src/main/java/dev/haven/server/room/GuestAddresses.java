package dev.haven.server.room;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.haven.server.delivery.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Where a room's guests connect from, so that a guest's sanction reaches the person rather
 * than one pseudonym: a guest gets a new user id at every {@code hello}, and two tabs are two
 * guests. Three things follow:
 * <ul>
 *   <li>the addresses of the guests who were recently in the room are remembered, so that a
 *       ban or mute of a guest who has just left still holds against the address: for
 *       {@link #REMEMBERED_FOR} after the guest was last seen here, at most
 *       {@link #MAX_REMEMBERED} guests per room, in memory only (Caffeine, on the room's
 *       clock);</li>
 *   <li>{@link #presentFrom}: the other guests present from a sanctioned address, which a ban
 *       or removal takes out and a mute silences as well;</li>
 *   <li>{@link #entered}: a guest that comes in from a muted address is muted too, until the
 *       same time.</li>
 * </ul>
 * Members with tokens are never concerned: their sanctions follow their user id. Used on the
 * room's executor alone (Caffeine's upkeep runs there too).
 */
final class GuestAddresses {
    static final Duration REMEMBERED_FOR = Duration.ofHours(24);
    static final int MAX_REMEMBERED = 1000;

    /** Mutes a member present, as a facilitator's mute does: the notice, the timer, the presence update. */
    interface MuteAction {
        void mute(Member member, long until, String reason);
    }

    private final Room room;
    private final Cache<String, String> recent;
    private MuteAction muteAction;

    GuestAddresses(Room room, Clock clock) {
        this.room = room;
        this.recent = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(REMEMBERED_FOR)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    void onMute(MuteAction action) {
        this.muteAction = action;
    }

    /**
     * A session of {@code member} came in: a guest's address is remembered, and a guest from an
     * address under a guest's mute is muted as well, until the same time, in a later task so
     * that the notice follows the join's reply.
     */
    void entered(Member member, Session session) {
        if (!member.identity().guest()) {
            return;
        }
        recent.put(member.id(), session.remoteAddress());
        try {
            room.executor.execute(() -> {
                if (room.presence.of(session) == member) {
                    muteIfItsAddressIs(member, session);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The server is stopping.
        }
    }

    private void muteIfItsAddressIs(Member member, Session session) {
        if (muteAction == null) {
            return;
        }
        String address = session.remoteAddress();
        Long until = room.sanctions.mutedAddressUntil(address);
        if (until != null && !room.sanctions.isMuted(member.id())) {
            room.sanctions.mute(member.id(), until, address);
            muteAction.mute(member, until, null);
        }
    }

    /** A guest left: it is remembered for {@link #REMEMBERED_FOR} from now. */
    void left(Member member) {
        String address = recent.getIfPresent(member.id());
        if (address != null) {
            recent.put(member.id(), address);
        }
    }

    /**
     * The address a guest's sanction should also hold against: where it is connected from if
     * present or waiting, else where it was recently seen here; null for users with tokens
     * and for guests this room does not remember.
     */
    String addressOf(String userId, Member present, WaitingRoom.Waiter waiter) {
        if (present != null) {
            return present.identity().guest() ? address(present) : null;
        }
        if (waiter != null) {
            return waiter.identity().guest() && !waiter.sessions().isEmpty()
                    ? waiter.sessions().get(0).remoteAddress() : null;
        }
        return recent.getIfPresent(userId);
    }

    /** Whether this user id is a guest that was in this room lately. */
    boolean wasRecentlyHere(String userId) {
        return recent.getIfPresent(userId) != null;
    }

    /** The guests present, other than {@code except}, with a connection from this address. */
    List<Member> presentFrom(String address, Member except) {
        List<Member> found = new ArrayList<>(1);
        if (address == null) {
            return found;
        }
        for (Member member : room.presence.all()) {
            if (member != except && member.identity().guest()
                    && member.sessions().stream().anyMatch(s -> address.equals(s.remoteAddress()))) {
                found.add(member);
            }
        }
        return found;
    }

    private static String address(Member member) {
        return member.sessions().isEmpty() ? null : member.sessions().get(0).remoteAddress();
    }
}
