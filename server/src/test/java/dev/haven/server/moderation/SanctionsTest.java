package dev.haven.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Mutes and bans against a manual clock: nothing sleeps. */
class SanctionsTest {
    private static final String ADDRESS = "192.0.2.7";
    private static final String OTHER_ADDRESS = "198.51.100.9";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Sanctions sanctions = new Sanctions(clock);

    private long in(Duration duration) {
        return clock.millis() + duration.toMillis();
    }

    @Test
    void mute_timed_holdsUntilItsEndThenLapses() {
        long until = in(Duration.ofSeconds(60));
        sanctions.mute("bob", until);

        assertThat(sanctions.isMuted("bob")).isTrue();
        assertThat(sanctions.mutedUntil("bob")).isEqualTo(until);
        clock.advance(Duration.ofMillis(59_999));
        assertThat(sanctions.isMuted("bob")).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(sanctions.isMuted("bob")).isFalse();
        assertThat(sanctions.mutedUntil("bob")).isNull();
        assertThat(sanctions.mutedUntilIncludingExpired("bob")).isEqualTo(until);
    }

    @Test
    void mute_forever_neverLapses() {
        sanctions.mute("bob", Sanctions.FOREVER);
        clock.advance(Duration.ofDays(3650));
        sanctions.purgeExpired();

        assertThat(sanctions.isMuted("bob")).isTrue();
        assertThat(sanctions.mutedUntil("bob")).isEqualTo(Sanctions.FOREVER);
    }

    @Test
    void mute_concernsOnlyThatUser() {
        sanctions.mute("bob", Sanctions.FOREVER);
        assertThat(sanctions.isMuted("alice")).isFalse();
        assertThat(sanctions.mutedUntil("alice")).isNull();
    }

    @Test
    void unmute_liftsAndSaysWhetherTheUserWasMuted() {
        sanctions.mute("bob", Sanctions.FOREVER);

        assertThat(sanctions.unmute("bob")).isTrue();
        assertThat(sanctions.isMuted("bob")).isFalse();
        assertThat(sanctions.mutedUntilIncludingExpired("bob")).isNull();
        assertThat(sanctions.unmute("bob")).isFalse();
        assertThat(sanctions.unmute("never-muted")).isFalse();
    }

    @Test
    void unmute_ofALapsedMute_saysNotMuted() {
        sanctions.mute("bob", in(Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(10));

        assertThat(sanctions.unmute("bob")).isFalse();
        assertThat(sanctions.size()).isZero();
    }

    @Test
    void mute_again_replacesThePreviousEnd() {
        sanctions.mute("bob", Sanctions.FOREVER);
        long until = in(Duration.ofSeconds(30));
        sanctions.mute("bob", until);

        assertThat(sanctions.mutedUntil("bob")).isEqualTo(until);
        clock.advance(Duration.ofSeconds(30));
        assertThat(sanctions.isMuted("bob")).isFalse();
    }

    @Test
    void ban_timed_holdsUntilItsEndThenLapses() {
        sanctions.ban("bob", in(Duration.ofMinutes(5)), null);

        assertThat(sanctions.isBanned("bob", false, ADDRESS)).isTrue();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(sanctions.isBanned("bob", false, ADDRESS)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(sanctions.isBanned("bob", false, ADDRESS)).isFalse();
    }

    @Test
    void ban_forever_holdsUntilLifted() {
        sanctions.ban("bob", Sanctions.FOREVER, null);
        clock.advance(Duration.ofDays(3650));
        sanctions.purgeExpired();
        assertThat(sanctions.isBanned("bob", false, null)).isTrue();

        assertThat(sanctions.unban("bob")).isTrue();
        assertThat(sanctions.isBanned("bob", false, null)).isFalse();
        assertThat(sanctions.unban("bob")).isFalse();
    }

    @Test
    void ban_concernsOnlyThatUser() {
        sanctions.ban("bob", Sanctions.FOREVER, null);
        assertThat(sanctions.isBanned("alice", false, ADDRESS)).isFalse();
        assertThat(sanctions.isBanned("alice", true, ADDRESS)).isFalse();
    }

    @Test
    void unban_ofALapsedBan_saysNotBanned() {
        sanctions.ban("bob", in(Duration.ofSeconds(1)), null);
        clock.advance(Duration.ofSeconds(2));
        assertThat(sanctions.unban("bob")).isFalse();
    }

    @Test
    void guestBan_holdsAgainstOtherGuestsFromTheSameAddress() {
        sanctions.ban("guest-1", Sanctions.FOREVER, ADDRESS);

        assertThat(sanctions.isBanned("guest-2", true, ADDRESS)).isTrue();
        assertThat(sanctions.isBanned("guest-2", true, OTHER_ADDRESS)).isFalse();
        assertThat(sanctions.isBanned("guest-2", true, null)).isFalse();
    }

    @Test
    void guestAddressBan_doesNotHoldAgainstTokenUsers() {
        sanctions.ban("guest-1", Sanctions.FOREVER, ADDRESS);

        assertThat(sanctions.isBanned("user-9", false, ADDRESS)).isFalse();
    }

    @Test
    void guestAddressBan_lapsesWithTheBan() {
        sanctions.ban("guest-1", in(Duration.ofSeconds(60)), ADDRESS);
        clock.advance(Duration.ofSeconds(59));
        assertThat(sanctions.isBanned("guest-2", true, ADDRESS)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(sanctions.isBanned("guest-2", true, ADDRESS)).isFalse();
        assertThat(sanctions.isBanned("guest-1", true, ADDRESS)).isFalse();
    }

    @Test
    void unban_ofAGuest_liftsItsAddressHoldToo() {
        sanctions.ban("guest-1", Sanctions.FOREVER, ADDRESS);

        assertThat(sanctions.unban("guest-1")).isTrue();
        assertThat(sanctions.isBanned("guest-2", true, ADDRESS)).isFalse();
        assertThat(sanctions.size()).isZero();
    }

    @Test
    void ban_again_replacesThePreviousAddressHold() {
        sanctions.ban("guest-1", Sanctions.FOREVER, ADDRESS);
        sanctions.ban("guest-1", Sanctions.FOREVER, OTHER_ADDRESS);

        assertThat(sanctions.isBanned("guest-2", true, ADDRESS)).isFalse();
        assertThat(sanctions.isBanned("guest-2", true, OTHER_ADDRESS)).isTrue();
    }

    /**
     * Two guests banned from one address (one household, one NAT): each ban holds against the
     * address "for its duration". A later, shorter ban must not cut the earlier one short.
     */
    @Test
    void guestBan_shorterSecondBanFromSameAddress_doesNotShortenTheFirstBansAddressHold() {
        sanctions.ban("guest-1", Sanctions.FOREVER, ADDRESS);
        sanctions.ban("guest-2", in(Duration.ofSeconds(60)), ADDRESS);
        clock.advance(Duration.ofSeconds(61));

        assertThat(sanctions.isBanned("guest-3", true, ADDRESS))
                .as("guest-1's ban still holds against new guests from its address").isTrue();
    }

    /** Lifting one guest's ban must not lift the address hold that another guest's ban still has. */
    @Test
    void unban_ofOneGuest_keepsAnotherGuestsAddressHold() {
        sanctions.ban("guest-1", Sanctions.FOREVER, ADDRESS);
        sanctions.ban("guest-2", Sanctions.FOREVER, ADDRESS);
        sanctions.unban("guest-2");

        assertThat(sanctions.isBanned("guest-3", true, ADDRESS))
                .as("guest-1's ban still holds against new guests from its address").isTrue();
    }

    @Test
    void purgeExpired_dropsLapsedEntriesAndKeepsLiveOnes() {
        sanctions.mute("m1", in(Duration.ofSeconds(10)));
        sanctions.mute("m2", Sanctions.FOREVER);
        sanctions.ban("b1", in(Duration.ofSeconds(10)), ADDRESS);
        sanctions.ban("b2", in(Duration.ofHours(1)), null);
        assertThat(sanctions.size()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(10));
        assertThat(sanctions.size()).as("lapsed entries are held until purged").isEqualTo(5);
        sanctions.purgeExpired();

        assertThat(sanctions.size()).isEqualTo(2);
        assertThat(sanctions.isMuted("m2")).isTrue();
        assertThat(sanctions.isBanned("b2", false, null)).isTrue();
        assertThat(sanctions.mutedUntilIncludingExpired("m1")).isNull();
    }

    @Test
    void purgeExpired_manyPastSanctions_leavesNothingBehind() {
        for (int i = 0; i < 1000; i++) {
            sanctions.mute("m" + i, in(Duration.ofSeconds(1 + i % 7)));
            sanctions.ban("b" + i, in(Duration.ofSeconds(1 + i % 5)), i % 2 == 0 ? "203.0.113." + (i % 250) : null);
        }
        clock.advance(Duration.ofSeconds(8));
        sanctions.purgeExpired();

        assertThat(sanctions.size()).isZero();
    }
}
