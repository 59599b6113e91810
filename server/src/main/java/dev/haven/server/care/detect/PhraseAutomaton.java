package dev.haven.server.care.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over normalised text: finds every lexicon phrase in one pass,
 * whatever the number of phrases. Built once as a complete transition table (failure links
 * folded in), so scanning is one table lookup per character and allocates nothing until a
 * phrase is found. A match counts only on word boundaries (the phrase starts and ends at a
 * space or at the ends of the text). Immutable after construction; thread-safe.
 */
final class PhraseAutomaton {
    /** Receives each whole-word match: the phrase's index and its character range [start, end). */
    interface Matches {
        void match(int phrase, int start, int end);
    }

    /** Every character that occurs in no phrase shares symbol 0, which leads back to the root. */
    private static final int OTHER = 0;

    private final int[] asciiSymbols = new int[128];
    private final Map<Character, Integer> otherSymbols = new HashMap<>();
    private final int alphabet;
    private final int[] next;
    private final int[][] outputs;
    /** Whether a state ends any phrase: most do not, so the scan looks no further for them. */
    private final boolean[] ends;
    private final int[] lengths;

    PhraseAutomaton(List<String> phrases) {
        int symbols = 1;
        for (String phrase : phrases) {
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                if (symbolOf(c) == OTHER) {
                    if (c < 128) {
                        asciiSymbols[c] = symbols++;
                    } else {
                        otherSymbols.put(c, symbols++);
                    }
                }
            }
        }
        this.alphabet = symbols;
        this.lengths = phrases.stream().mapToInt(String::length).toArray();

        // The trie, with each state's phrases.
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> phraseEnds = new ArrayList<>();
        trie.add(new int[alphabet]);
        phraseEnds.add(new ArrayList<>());
        for (int p = 0; p < phrases.size(); p++) {
            int state = 0;
            String phrase = phrases.get(p);
            for (int i = 0; i < phrase.length(); i++) {
                int symbol = symbolOf(phrase.charAt(i));
                if (trie.get(state)[symbol] == 0) {
                    trie.get(state)[symbol] = trie.size();
                    trie.add(new int[alphabet]);
                    phraseEnds.add(new ArrayList<>());
                }
                state = trie.get(state)[symbol];
            }
            phraseEnds.get(state).add(p);
        }

        // Breadth first: failure links, and the missing transitions filled from them.
        int states = trie.size();
        this.next = new int[states * alphabet];
        int[] failure = new int[states];
        this.outputs = new int[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int symbol = 0; symbol < alphabet; symbol++) {
            int child = trie.get(0)[symbol];
            next[symbol] = child;
            if (child != 0) {
                failure[child] = 0;
                queue.add(child);
            }
        }
        outputs[0] = new int[0];
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> found = new ArrayList<>(phraseEnds.get(state));
            for (int inherited : outputs[failure[state]]) {
                found.add(inherited);
            }
            outputs[state] = found.stream().mapToInt(Integer::intValue).toArray();
            for (int symbol = 0; symbol < alphabet; symbol++) {
                int child = trie.get(state)[symbol];
                if (child != 0) {
                    failure[child] = next[failure[state] * alphabet + symbol];
                    next[state * alphabet + symbol] = child;
                    queue.add(child);
                } else {
                    next[state * alphabet + symbol] = next[failure[state] * alphabet + symbol];
                }
            }
        }
        this.ends = new boolean[states];
        for (int state = 0; state < states; state++) {
            ends[state] = outputs[state].length > 0;
        }
    }

    private int symbolOf(char c) {
        if (c < 128) {
            return asciiSymbols[c];
        }
        Integer symbol = otherSymbols.get(c);
        return symbol == null ? OTHER : symbol;
    }

    /** Reports every phrase found in the text on word boundaries, by where it ends. */
    void scan(char[] text, int length, Matches matches) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            state = next[state * alphabet + (c < 128 ? asciiSymbols[c] : symbolOf(c))];
            if (!ends[state]) {
                continue;
            }
            int[] found = outputs[state];
            for (int phrase : found) {
                int start = i + 1 - lengths[phrase];
                boolean startsWord = start == 0 || text[start - 1] == ' ';
                boolean endsWord = i + 1 == length || text[i + 1] == ' ';
                if (startsWord && endsWord) {
                    matches.match(phrase, start, i + 1);
                }
            }
        }
    }

    int states() {
        return outputs.length;
    }
}
