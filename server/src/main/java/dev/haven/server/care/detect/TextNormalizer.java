package dev.haven.server.care.detect;

import java.text.Normalizer;

/**
 * Brings a message to the form the lexicon is written in, in one pass: Unicode NFKC (which
 * also folds full-width and mathematical letters), lower case, zero-width and other format
 * characters dropped, apostrophes inside words dropped ("don't" is "dont"), common leetspeak
 * undone in words that hold a letter ("k1ll" is "kill"), Latin look-alike letters from Cyrillic
 * and Greek folded in mixed-script words, every run of one repeated letter squeezed to one
 * letter (so "diiiie" meets "die", and "kill" is stored as "kil" in text and lexicon alike), and
 * a word spelled out in four or more single letters ("s u i c i d e") joined. Everything else
 * separates words. A full stop, question or exclamation mark, semicolon or line break ends a
 * sentence; a comma, colon, dash or bracket ends only a clause. A clause bounds phrases and cues;
 * a sentence bounds what must stand together (a method and a readying word, two concepts), so that
 * "I have the pills, tonight" still pairs. Double and single quotation marks quote the words
 * between them; an apostrophe inside a word ("don't") or after one ("the kids' toys") quotes
 * nothing. Stateless and thread-safe.
 */
final class TextNormalizer {
    /** A spelled-out word has at least this many single letters. */
    private static final int SPELLED_MIN = 4;

    private TextNormalizer() {
    }

    static NormalizedText normalize(String text) {
        String s = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        return new Pass(s).run();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** One normalising pass over one string; not reused. */
    private static final class Pass {
        private final String s;
        private char[] out;
        private int length;
        private final int[] starts;
        private final int[] ends;
        private final int[] clauses;
        private final int[] sentences;
        private final boolean[] quoted;
        private int tokens;
        private int tokenStart = -1;
        /** Whether the word being read holds anything but a-z (digits, symbols, other scripts). */
        private boolean tokenMixed;
        private int clause;
        private int sentence;
        private boolean clauseBreakPending;
        private boolean sentenceBreakPending;
        private boolean inQuote;
        private int quoteOpenedAt = -1;
        /** Single quotation marks, apart from double ones: 'like this'. */
        private boolean inSingleQuote;
        private int singleQuoteOpenedAt = -1;
        private final boolean[] singleQuoted;

        Pass(String s) {
            this.s = s;
            this.out = new char[s.length() + 16];
            int maxTokens = s.length() / 2 + 2;
            this.starts = new int[maxTokens];
            this.ends = new int[maxTokens];
            this.clauses = new int[maxTokens];
            this.sentences = new int[maxTokens];
            this.quoted = new boolean[maxTokens];
            this.singleQuoted = new boolean[maxTokens];
        }

        NormalizedText run() {
            int n = s.length();
            for (int i = 0; i < n; ) {
                char c = s.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    // The common case, lower-case ASCII letters, without the general checks.
                    startToken();
                    append(c);
                    i++;
                    continue;
                }
                int cp = Character.isHighSurrogate(c) ? s.codePointAt(i) : c;
                int next = i + Character.charCount(cp);
                if (isApostrophe(cp)) {
                    singleQuote(next < n && Character.isLetterOrDigit(s.codePointAt(next)));
                    i = next;
                    continue;
                }
                if (isIgnorable(cp)) {
                    i = next;
                    continue;
                }
                if (isWordChar(cp) || cp == '!' && tokenStart >= 0 && next < n && Character.isLetter(s.codePointAt(next))) {
                    startToken();
                    tokenMixed = true;
                    append(cp == '!' ? '!' : Character.toLowerCase(cp));
                } else {
                    endToken();
                    separator(cp);
                }
                i = next;
            }
            endToken();
            if (inQuote) {
                // An opening quote that never closes quotes nothing: a stray mark must not lower a tier.
                for (int t = Math.max(quoteOpenedAt, 0); t < tokens; t++) {
                    quoted[t] = false;
                }
            }
            if (inSingleQuote) {
                for (int t = Math.max(singleQuoteOpenedAt, 0); t < tokens; t++) {
                    singleQuoted[t] = false;
                }
            }
            for (int t = 0; t < tokens; t++) {
                quoted[t] |= singleQuoted[t];
            }
            joinSpelledWords();
            return new NormalizedText(out, length, starts, ends, clauses, sentences, quoted, tokens);
        }

        private void startToken() {
            if (tokenStart >= 0) {
                return;
            }
            if (length > 0) {
                append(' ');
            }
            if (clauseBreakPending || sentenceBreakPending) {
                clause++;
                clauseBreakPending = false;
            }
            if (sentenceBreakPending) {
                sentence++;
                sentenceBreakPending = false;
            }
            tokenStart = length;
        }

        private void endToken() {
            if (tokenStart < 0) {
                return;
            }
            int end = tokenMixed ? finishWord(out, tokenStart, length) : squeeze(out, tokenStart, length);
            tokenMixed = false;
            length = end;
            starts[tokens] = tokenStart;
            ends[tokens] = end;
            clauses[tokens] = clause;
            sentences[tokens] = sentence;
            quoted[tokens] = inQuote;
            singleQuoted[tokens] = inSingleQuote;
            tokens++;
            tokenStart = -1;
        }

        /**
         * An apostrophe: inside a word it is dropped ("don't" is "dont"); at the start of a word
         * it opens a single quotation; right after a word it closes one, if one is open, and
         * otherwise is a possessive ("the kids' toys") and quotes nothing.
         */
        private void singleQuote(boolean beforeWordCharacter) {
            boolean insideWord = tokenStart >= 0;
            if (insideWord && beforeWordCharacter) {
                return;
            }
            if (!insideWord && beforeWordCharacter) {
                if (!inSingleQuote) {
                    inSingleQuote = true;
                    singleQuoteOpenedAt = tokens;
                }
                return;
            }
            if (insideWord && inSingleQuote) {
                // The word being read is still inside; the quotation closes after it.
                endToken();
                inSingleQuote = false;
            }
        }

        private void separator(int cp) {
            if (isSentenceBreak(cp)) {
                sentenceBreakPending = tokens > 0;
            } else if (isClauseBreak(cp)) {
                clauseBreakPending = tokens > 0;
            }
            switch (cp) {
                case '"' -> toggleQuote(!inQuote);
                case '\u201C', '\u201E', '\u00AB' -> toggleQuote(true);
                case '\u201D', '\u00BB' -> toggleQuote(false);
                default -> {
                }
            }
        }

        private void toggleQuote(boolean open) {
            if (open && !inQuote) {
                quoteOpenedAt = tokens;
            }
            inQuote = open;
        }

        private void append(char c) {
            if (length + 1 >= out.length) {
                grow();
            }
            out[length++] = c;
        }

        private void grow() {
            char[] bigger = new char[out.length * 2];
            System.arraycopy(out, 0, bigger, 0, length);
            out = bigger;
        }

        private void append(int cp) {
            if (length + 2 >= out.length) {
                grow();
            }
            if (Character.isBmpCodePoint(cp)) {
                out[length++] = (char) cp;
            } else {
                length += Character.toChars(cp, out, length);
            }
        }

        /** Merges runs of single-letter words within a sentence ("s u i c i d e") into one word. */
        private void joinSpelledWords() {
            int t = 0;
            while (t < tokens) {
                int run = t;
                while (run < tokens && ends[run] - starts[run] == 1 && Character.isLetter(out[starts[run]])
                        && clauses[run] == clauses[t]) {
                    run++;
                }
                if (run - t >= SPELLED_MIN) {
                    join(t, run);
                    t++;
                } else {
                    t = Math.max(run, t + 1);
                }
            }
        }

        /** Joins words [first, end) into word {@code first}, closing the gap in the text and the arrays. */
        private void join(int first, int end) {
            int write = starts[first];
            for (int k = first; k < end; k++) {
                out[write++] = out[starts[k]];
            }
            int joinedEnd = finishWord(out, starts[first], write);
            int shift = ends[end - 1] - joinedEnd;
            System.arraycopy(out, ends[end - 1], out, joinedEnd, length - ends[end - 1]);
            length -= shift;
            ends[first] = joinedEnd;
            int removed = end - first - 1;
            for (int k = end; k < tokens; k++) {
                starts[k - removed] = starts[k] - shift;
                ends[k - removed] = ends[k] - shift;
                clauses[k - removed] = clauses[k];
                sentences[k - removed] = sentences[k];
                quoted[k - removed] = quoted[k];
            }
            tokens -= removed;
        }
    }

    /** Squeezes repeated letters of a word of a-z only at [start, end); returns the word's new end. */
    private static int squeeze(char[] chars, int start, int end) {
        int write = start + 1;
        for (int i = start + 1; i < end; i++) {
            char c = chars[i];
            if (c != chars[write - 1]) {
                chars[write++] = c;
            }
        }
        return write;
    }

    /**
     * Undoes leetspeak and look-alike letters in the word at [start, end) when it holds a Latin
     * letter, then squeezes repeated letters; returns the word's new end.
     */
    static int finishWord(char[] chars, int start, int end) {
        boolean latin = false;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c >= 'a' && c <= 'z') {
                latin = true;
                break;
            }
        }
        int write = start;
        char previous = 0;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (latin) {
                c = unLeet(c);
            }
            if (c == previous && Character.isLetter(c)) {
                continue;
            }
            chars[write++] = c;
            previous = c;
        }
        return write;
    }

    private static char unLeet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            // Cyrillic and Greek letters that look Latin, in a word that also holds Latin letters.
            case '\u0430', '\u03B1' -> 'a';
            case '\u0435', '\u03B5' -> 'e';
            case '\u043E', '\u03BF' -> 'o';
            case '\u0440', '\u03C1' -> 'p';
            case '\u0441' -> 'c';
            case '\u0443' -> 'y';
            case '\u0445' -> 'x';
            case '\u0456', '\u03B9' -> 'i';
            case '\u0458' -> 'j';
            case '\u0455' -> 's';
            case '\u03BA' -> 'k';
            case '\u03BD' -> 'v';
            case '\u03C4' -> 't';
            case '\u03C5' -> 'u';
            default -> c;
        };
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '@' || cp == '$';
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Zero-width and other invisible format characters, and emoji variation selectors. */
    private static boolean isIgnorable(int cp) {
        return cp >= 0x80 && (Character.getType(cp) == Character.FORMAT || cp >= 0xFE00 && cp <= 0xFE0F);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '`' || cp == '\u00B4';
    }

    private static boolean isSentenceBreak(int cp) {
        return switch (cp) {
            case '.', '!', '?', ';', '\n', '\r', '\u2026' -> true;
            default -> false;
        };
    }

    private static boolean isClauseBreak(int cp) {
        return switch (cp) {
            case ',', ':', '(', ')', '[', ']', '\u2014', '\u2013' -> true;
            default -> false;
        };
    }
}
