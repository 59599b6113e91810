package dev.haven.server.care.detect;

import java.util.Arrays;

/** What one {@link PhraseAutomaton} scan found, in arrays that grow only when something matched. */
final class FoundPhrases implements PhraseAutomaton.Matches {
    int count;
    int[] phrases = new int[0];
    int[] starts = new int[0];
    int[] ends = new int[0];

    @Override
    public void match(int phrase, int start, int end) {
        if (count == phrases.length) {
            int size = Math.max(4, count * 2);
            phrases = Arrays.copyOf(phrases, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        phrases[count] = phrase;
        starts[count] = start;
        ends[count] = end;
        count++;
    }
}
