package dev.haven.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.haven.protocol.model.Participation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipationStatsTest {
    /** On a minute boundary, so bucket arithmetic is easy to follow. */
    private static final long T0 = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private final ParticipationStats stats = new ParticipationStats(Duration.ofMinutes(15));

    private static ParticipationStats.Present present(String id) {
        return new ParticipationStats.Present(id, "Name " + id);
    }

    private static Participation find(List<Participation> members, String id) {
        return members.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void windowSeconds_isTheWindowInWholeMinutes() {
        assertThat(stats.windowSeconds()).isEqualTo(900);
        assertThat(new ParticipationStats(Duration.ofSeconds(30)).windowSeconds()).isEqualTo(60);
    }

    @Test
    void members_countsMessagesCharsAndShare() {
        stats.record("alice", "Alice", 30, T0);
        stats.record("alice", "Alice", 30, T0 + 1000);
        stats.record("bob", "Bob", 20, T0 + 2000);

        List<Participation> members = stats.members(List.of(present("alice"), present("bob")), T0 + 3000);

        assertThat(members).extracting(Participation::id).containsExactly("alice", "bob");
        Participation alice = find(members, "alice");
        assertThat(alice.messages()).isEqualTo(2);
        assertThat(alice.chars()).isEqualTo(60);
        assertThat(alice.share()).isCloseTo(0.75, within(1e-9));
        assertThat(find(members, "bob").share()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void members_quietPresentMember_isListedWithZero() {
        stats.record("alice", "Alice", 10, T0);

        List<Participation> members = stats.members(List.of(present("alice"), present("quiet")), T0);

        Participation quiet = find(members, "quiet");
        assertThat(quiet.name()).isEqualTo("Name quiet");
        assertThat(quiet.messages()).isZero();
        assertThat(quiet.chars()).isZero();
        assertThat(quiet.share()).isZero();
    }

    @Test
    void members_nobodySpoke_allSharesZero() {
        List<Participation> members = stats.members(List.of(present("a"), present("b")), T0);
        assertThat(members).extracting(Participation::share).containsOnly(0.0);
    }

    @Test
    void members_memberWhoSpokeAndLeft_isStillListed() {
        stats.record("gone", "Gone", 10, T0);

        List<Participation> members = stats.members(List.of(present("here")), T0);

        assertThat(members).extracting(Participation::id).containsExactly("here", "gone");
        assertThat(find(members, "gone").name()).isEqualTo("Gone");
        assertThat(find(members, "gone").share()).isEqualTo(1.0);
    }

    @Test
    void members_countsAcrossMinuteBuckets() {
        stats.record("alice", "Alice", 10, T0);
        stats.record("alice", "Alice", 10, T0 + 5 * MINUTE);
        stats.record("alice", "Alice", 10, T0 + 10 * MINUTE);

        Participation alice = find(stats.members(List.of(), T0 + 10 * MINUTE), "alice");
        assertThat(alice.messages()).isEqualTo(3);
        assertThat(alice.chars()).isEqualTo(30);
    }

    @Test
    void members_messageOlderThanTheWindow_isNoLongerCounted() {
        stats.record("alice", "Alice", 100, T0);
        stats.record("bob", "Bob", 10, T0 + 10 * MINUTE);

        List<Participation> justInside = stats.members(List.of(), T0 + 15 * MINUTE - 1);
        assertThat(find(justInside, "alice").messages()).isEqualTo(1);

        List<Participation> after = stats.members(List.of(present("alice")), T0 + 15 * MINUTE);
        assertThat(find(after, "alice").messages()).isZero();
        assertThat(find(after, "alice").share()).isZero();
        assertThat(find(after, "bob").share()).isEqualTo(1.0);
    }

    @Test
    void members_expiryGoesByWholeMinuteBuckets() {
        // Sent 30 s into its minute: the whole minute leaves the window together.
        stats.record("alice", "Alice", 10, T0 + 30_000);

        assertThat(stats.members(List.of(), T0 + 15 * MINUTE - 1)).extracting(Participation::id).contains("alice");
        assertThat(stats.members(List.of(), T0 + 15 * MINUTE)).extracting(Participation::id).doesNotContain("alice");
    }

    @Test
    void record_later_dropsBucketsOutsideTheWindow() {
        stats.record("alice", "Alice", 10, T0);
        stats.record("bob", "Bob", 10, T0 + 20 * MINUTE);

        assertThat(stats.members(List.of(), T0 + 20 * MINUTE)).extracting(Participation::id).containsExactly("bob");
    }

    @Test
    void clear_forgetsEverything() {
        stats.record("alice", "Alice", 10, T0);
        stats.clear();
        assertThat(stats.members(List.of(), T0)).isEmpty();
    }

    @Test
    void dominant_shareAboveTwiceFairWithFiveMessages_isFlagged() {
        // 4 present: fair share 0.25, the bar is more than 0.5.
        for (int i = 0; i < 5; i++) {
            stats.record("alice", "Alice", 60, T0 + i);
        }
        stats.record("bob", "Bob", 40, T0 + 10);
        List<ParticipationStats.Present> present = List.of(present("alice"), present("bob"), present("quiet"),
                present("fac"));

        List<Participation> members = stats.members(present, T0 + 20);

        assertThat(ParticipationStats.dominant(members, present.size())).containsExactly("alice");
    }

    @Test
    void dominant_fewerThanFiveMessages_isNotFlaggedWhateverTheShare() {
        for (int i = 0; i < 4; i++) {
            stats.record("alice", "Alice", 1000, T0 + i);
        }
        stats.record("bob", "Bob", 1, T0 + 10);
        List<Participation> members = stats.members(List.of(present("alice"), present("bob"), present("c")), T0 + 20);

        assertThat(ParticipationStats.dominant(members, 3)).isEmpty();
    }

    @Test
    void dominant_shareExactlyTwiceFair_isNotFlagged() {
        // 4 present: alice has exactly 0.5.
        for (int i = 0; i < 5; i++) {
            stats.record("alice", "Alice", 10, T0 + i);
            stats.record("bob", "Bob", 10, T0 + i);
        }
        List<Participation> members = stats.members(
                List.of(present("alice"), present("bob"), present("c"), present("d")), T0 + 20);

        assertThat(find(members, "alice").share()).isEqualTo(0.5);
        assertThat(ParticipationStats.dominant(members, 4)).isEmpty();
    }

    @Test
    void dominant_dependsOnHowManyArePresent() {
        for (int i = 0; i < 6; i++) {
            stats.record("alice", "Alice", 60, T0 + i);
        }
        stats.record("bob", "Bob", 40, T0 + 10);
        List<Participation> members = stats.members(List.of(present("alice"), present("bob")), T0 + 20);

        // alice has 0.9: with 2 present the bar is 1.0, with 3 it is 0.67.
        assertThat(ParticipationStats.dominant(members, 2)).isEmpty();
        assertThat(ParticipationStats.dominant(members, 3)).containsExactly("alice");
    }

    @Test
    void dominant_nobodyPresent_isEmpty() {
        for (int i = 0; i < 6; i++) {
            stats.record("alice", "Alice", 60, T0 + i);
        }
        assertThat(ParticipationStats.dominant(stats.members(List.of(), T0 + 10), 0)).isEmpty();
    }
}
