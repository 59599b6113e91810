package dev.haven.server.care.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Brings a normalised message to the words the lexicon is written in, after
 * {@link TextNormalizer}: fillers are dropped ("I just really want to die" reads "i want to die"),
 * respellings and word forms are read as their word ("tonite", "till", "my self", "reasons"), and a
 * word one slip away from a distinctive lexicon word is read as it ("sucidal", "myslef": one letter
 * deleted, added, changed, or swapped with its neighbour, the first letter kept, six letters or
 * more). The lexicon's own entries pass through the same step, so both sides meet.
 *
 * <p>Fillers and respellings are found by one Aho–Corasick pass; a message with none of them and no
 * near-miss is returned as it is, without copying. Immutable; thread-safe.
 */
final class WordForms {
    /** Typo anchors, and the words compared with them, have at least this many letters. */
    static final int MIN_TYPO_LENGTH = 6;

    private final PhraseAutomaton automaton;
    /** Per automaton phrase: the words it is read as; empty for a filler. */
    private final String[][] replacements;
    private final char[][] anchors;
    /** Whether any anchor starts with this ASCII letter: most words are ruled out by it. */
    private final boolean[] anchorInitials = new boolean[128];
    private final int maxAnchorLength;

    WordForms(Lexicon.Forms forms) {
        List<String> keys = new ArrayList<>();
        List<String[]> readAs = new ArrayList<>();
        for (String filler : forms.fillers()) {
            keys.add(filler);
            readAs.add(new String[0]);
        }
        forms.respellings().forEach((variant, canonical) -> {
            keys.add(variant);
            readAs.add(canonical.split(" "));
        });
        this.automaton = keys.isEmpty() ? null : new PhraseAutomaton(keys);
        this.replacements = readAs.toArray(new String[0][]);
        this.anchors = forms.typoAnchors().stream().map(String::toCharArray).toArray(char[][]::new);
        int longest = 0;
        for (char[] anchor : anchors) {
            if (anchor[0] < 128) {
                anchorInitials[anchor[0]] = true;
            }
            longest = Math.max(longest, anchor.length);
        }
        this.maxAnchorLength = longest;
    }

    /** An entry of the lexicon, already normalised, in the same forms as a message. */
    String fold(String entry) {
        return apply(TextNormalizer.normalize(entry)).joined();
    }

    NormalizedText apply(NormalizedText text) {
        int n = text.tokenCount;
        if (n == 0) {
            return text;
        }
        FoundPhrases found = new FoundPhrases();
        if (automaton != null) {
            automaton.scan(text.chars, text.length, found);
        }
        // Per token: the index of the replacement that starts there (−1 none), how many tokens it
        // covers, and a typo anchor it is read as.
        int[] replacementAt = null;
        int[] covers = null;
        char[][] anchorFor = null;
        for (int i = 0; i < found.count; i++) {
            int first = text.tokenAt(found.starts[i]);
            int last = text.tokenAt(found.ends[i] - 1);
            if (replacementAt == null) {
                replacementAt = new int[n];
                covers = new int[n];
                Arrays.fill(replacementAt, -1);
            }
            // The longest match at a word wins; a match inside one already taken is skipped.
            if (covers[first] < last - first + 1 && !insideEarlier(covers, first)) {
                replacementAt[first] = found.phrases[i];
                covers[first] = last - first + 1;
            }
        }
        for (int t = 0; t < n; t++) {
            if (covers != null && (covers[t] > 0 || insideEarlier(covers, t))) {
                continue;
            }
            char[] anchor = nearAnchor(text, t);
            if (anchor != null) {
                if (anchorFor == null) {
                    anchorFor = new char[n][];
                }
                anchorFor[t] = anchor;
            }
        }
        if (replacementAt == null && anchorFor == null) {
            return text;
        }
        return rebuild(text, replacementAt, covers, anchorFor);
    }

    private static boolean insideEarlier(int[] covers, int token) {
        for (int k = token - 1; k >= 0 && token - k < 8; k--) {
            if (covers[k] > token - k) {
                return true;
            }
        }
        return false;
    }

    /** The anchor this word is one slip away from, or null. */
    private char[] nearAnchor(NormalizedText text, int token) {
        int start = text.start(token);
        int length = text.end(token) - start;
        char initial = text.chars[start];
        if (length < MIN_TYPO_LENGTH || length > maxAnchorLength + 1 || initial >= 128 || !anchorInitials[initial]) {
            return null;
        }
        // A slip of the same length first ("suicidel" is "suicidal", not "suicide" and a letter more).
        char[] nearest = null;
        for (char[] anchor : anchors) {
            if (anchor[0] == initial && Math.abs(anchor.length - length) <= 1
                    && oneSlipApart(text.chars, start, length, anchor)
                    && (nearest == null || anchor.length == length && nearest.length != length)) {
                nearest = anchor;
            }
        }
        return nearest;
    }

    /**
     * Whether the word differs from the anchor by exactly one letter deleted, added or changed, or
     * two neighbours swapped (an identical word is not a slip).
     */
    static boolean oneSlipApart(char[] chars, int start, int length, char[] anchor) {
        int i = 0;
        int shorter = Math.min(length, anchor.length);
        while (i < shorter && chars[start + i] == anchor[i]) {
            i++;
        }
        if (length == anchor.length) {
            if (i == length) {
                return false;
            }
            if (i + 1 < length && chars[start + i] == anchor[i + 1] && chars[start + i + 1] == anchor[i]
                    && equal(chars, start + i + 2, anchor, i + 2, length - i - 2)) {
                return true;
            }
            return equal(chars, start + i + 1, anchor, i + 1, length - i - 1);
        }
        if (length == anchor.length + 1) {
            return equal(chars, start + i + 1, anchor, i, anchor.length - i);
        }
        if (length + 1 == anchor.length) {
            return equal(chars, start + i, anchor, i + 1, length - i);
        }
        return false;
    }

    private static boolean equal(char[] chars, int from, char[] anchor, int anchorFrom, int count) {
        for (int k = 0; k < count; k++) {
            if (chars[from + k] != anchor[anchorFrom + k]) {
                return false;
            }
        }
        return true;
    }

    private NormalizedText rebuild(NormalizedText text, int[] replacementAt, int[] covers, char[][] anchorFor) {
        int n = text.tokenCount;
        StringBuilder out = new StringBuilder(text.length + 16);
        List<int[]> spans = new ArrayList<>();
        List<Integer> tokenOf = new ArrayList<>();
        for (int t = 0; t < n; ) {
            if (replacementAt != null && replacementAt[t] >= 0) {
                for (String word : replacements[replacementAt[t]]) {
                    append(out, word, spans, tokenOf, t);
                }
                t += covers[t];
            } else if (anchorFor != null && anchorFor[t] != null) {
                append(out, new String(anchorFor[t]), spans, tokenOf, t);
                t++;
            } else {
                append(out, text.token(t), spans, tokenOf, t);
                t++;
            }
        }
        int count = spans.size();
        int[] starts = new int[count];
        int[] ends = new int[count];
        int[] clauses = new int[count];
        int[] sentences = new int[count];
        boolean[] quoted = new boolean[count];
        for (int k = 0; k < count; k++) {
            int from = tokenOf.get(k);
            starts[k] = spans.get(k)[0];
            ends[k] = spans.get(k)[1];
            clauses[k] = text.clause(from);
            sentences[k] = text.sentence(from);
            quoted[k] = text.quoted(from);
        }
        char[] chars = new char[Math.max(out.length(), 1)];
        out.getChars(0, out.length(), chars, 0);
        return new NormalizedText(chars, out.length(), starts, ends, clauses, sentences, quoted, count);
    }

    private static void append(StringBuilder out, String word, List<int[]> spans, List<Integer> tokenOf, int from) {
        if (out.length() > 0) {
            out.append(' ');
        }
        spans.add(new int[] {out.length(), out.length() + word.length()});
        out.append(word);
        tokenOf.add(from);
    }
}
