package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a mood check-in came out, sent to everyone in the room when it closes. With fewer than
 * {@link #MIN_SCORES} scored answers, or scores that are all the same, the distribution could
 * point at single members (it would tell everyone what everyone answered), so it is left out and
 * {@code suppressed} is true.
 *
 * @param n            how many took part, those who answered {@code null} included
 * @param distribution how many answered each score, {@code "1"} to {@code "5"}; null when suppressed
 * @param suppressed   true when the distribution is withheld; null otherwise
 */
public record MoodSummary(String room, String pollId, int n, SortedMap<String, Integer> distribution,
                          Boolean suppressed) implements ServerMessage {
    /** The fewest scored answers for which the distribution is shown. */
    public static final int MIN_SCORES = 5;

    public MoodSummary {
        Fields.requireText(room, "room");
        Fields.requireText(pollId, "pollId");
        distribution = distribution == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(distribution));
    }

    public static MoodSummary suppressed(String room, String pollId, int n) {
        return new MoodSummary(room, pollId, n, null, true);
    }

    /** @param counts how many answered each score, index 0 for score 1 */
    public static MoodSummary of(String room, String pollId, int n, int[] counts) {
        SortedMap<String, Integer> distribution = new TreeMap<>();
        for (int score = 1; score <= counts.length; score++) {
            distribution.put(Integer.toString(score), counts[score - 1]);
        }
        return new MoodSummary(room, pollId, n, distribution, null);
    }
}
