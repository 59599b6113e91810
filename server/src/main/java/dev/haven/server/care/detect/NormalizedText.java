package dev.haven.server.care.detect;

/**
 * A message after {@link TextNormalizer}: its words in one char array, separated by single
 * spaces, with where each word starts and ends, which clause and which sentence it is in, and
 * whether it stands inside quotation marks. Made for one message and read on one thread.
 */
final class NormalizedText {
    final char[] chars;
    final int length;
    final int tokenCount;
    private final int[] starts;
    private final int[] ends;
    private final int[] clauses;
    private final int[] sentences;
    private final boolean[] quoted;
    /** The words as strings, made on first use: only a message with a match needs them. */
    private String[] words;

    NormalizedText(char[] chars, int length, int[] starts, int[] ends, int[] clauses, int[] sentences,
                   boolean[] quoted, int tokenCount) {
        this.chars = chars;
        this.length = length;
        this.starts = starts;
        this.ends = ends;
        this.clauses = clauses;
        this.sentences = sentences;
        this.quoted = quoted;
        this.tokenCount = tokenCount;
    }

    /** The index of the word that holds the character at {@code offset}. */
    int tokenAt(int offset) {
        int low = 0;
        int high = tokenCount - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** Where word {@code index} starts in {@link #chars}. */
    int start(int index) {
        return starts[index];
    }

    /** Where word {@code index} ends (exclusive). */
    int end(int index) {
        return ends[index];
    }

    String token(int index) {
        if (words == null) {
            words = new String[tokenCount];
        }
        String word = words[index];
        if (word == null) {
            word = new String(chars, starts[index], ends[index] - starts[index]);
            words[index] = word;
        }
        return word;
    }

    /** The clause of a word: commas, colons, dashes and brackets end one, as sentences do. */
    int clause(int token) {
        return clauses[token];
    }

    /** The sentence of a word: a full stop, question or exclamation mark, semicolon or line break ends one. */
    int sentence(int token) {
        return sentences[token];
    }

    boolean quoted(int token) {
        return quoted[token];
    }

    /** The words joined by single spaces: how lexicon entries are compared. Never for logs. */
    String joined() {
        return new String(chars, 0, length);
    }
}
