package dev.haven.server.care.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the words around a match for the cues that change its meaning (negation, a condition,
 * another person, the past, fiction, an everyday accident) and lowers its tier accordingly.
 * Runs only when a phrase matched, so it may allocate. Immutable; thread-safe.
 */
final class CueReader {
    /** How many words before and after a match a cue may stand. */
    static final int REACH = 5;
    /** How close before a match a negation makes it an explicit denial. */
    static final int DENIAL_REACH = 3;

    private final Lexicon lexicon;
    /** Per cue: its one-word entries as a set, and its longer ones as sequences. */
    private final Map<Lexicon.Cue, Words> cueWords = new EnumMap<>(Lexicon.Cue.class);
    private final Words readying;
    private final Words strongReadying;
    private final Words raisers;
    private final Words meansWarnings;
    private final Words reassurance;
    private final Words pastTense;

    CueReader(Lexicon lexicon) {
        this.lexicon = lexicon;
        lexicon.cues.forEach((cue, words) -> cueWords.put(cue, new Words(words)));
        this.readying = new Words(lexicon.readying);
        this.strongReadying = new Words(lexicon.strongReadying);
        this.raisers = new Words(lexicon.raisers);
        this.meansWarnings = new Words(lexicon.meansWarnings);
        this.reassurance = new Words(lexicon.reassurance);
        this.pastTense = new Words(lexicon.pastTense);
    }

    /** A word list split for quick lookup: single words in a set, sequences apart. */
    static final class Words {
        final Set<String> singles = new HashSet<>();
        final List<String[]> sequences = new ArrayList<>();

        Words(List<String[]> entries) {
            for (String[] entry : entries) {
                if (entry.length == 1) {
                    singles.add(entry[0]);
                } else {
                    sequences.add(entry);
                }
            }
        }
    }

    Words readying() {
        return readying;
    }

    Words strongReadying() {
        return strongReadying;
    }

    Words raisers() {
        return raisers;
    }

    Words meansWarnings() {
        return meansWarnings;
    }

    Words reassurance() {
        return reassurance;
    }

    Words cue(Lexicon.Cue cue) {
        return cueWords.get(cue);
    }

    /**
     * The words around one match: its sentence (what must stand together with it), the part of
     * the sentence between commas that holds it, and where the cue windows begin and end, which
     * never cross a comma or a clause-break word.
     */
    private final class Window {
        final NormalizedText text;
        final int first;
        final int last;
        final int sentenceStart;
        final int sentenceEnd;
        final int clauseStart;
        final int reachStart;
        final int reachEnd;

        Window(NormalizedText text, int first, int last) {
            this.text = text;
            this.first = first;
            this.last = last;
            this.sentenceStart = start(first, text::sentence);
            this.sentenceEnd = end(last, text::sentence);
            int partStart = start(first, text::clause);
            int partEnd = end(last, text::clause);
            int clause = first;
            while (clause > partStart && !isBreak(clause - 1)) {
                clause--;
            }
            this.clauseStart = clause;
            this.reachStart = Math.max(clause, first - REACH);
            int after = last;
            while (after < partEnd && after - last < REACH && !isBreak(after + 1)) {
                after++;
            }
            this.reachEnd = after;
        }

        /** The first word of the unit (sentence or clause) that holds word {@code token}. */
        private int start(int token, java.util.function.IntUnaryOperator unit) {
            int start = token;
            while (start > 0 && unit.applyAsInt(start - 1) == unit.applyAsInt(token)) {
                start--;
            }
            return start;
        }

        private int end(int token, java.util.function.IntUnaryOperator unit) {
            int end = token;
            while (end + 1 < text.tokenCount && unit.applyAsInt(end + 1) == unit.applyAsInt(token)) {
                end++;
            }
            return end;
        }

        private boolean isBreak(int token) {
            return lexicon.clauseBreaks.contains(text.token(token));
        }
    }

    /** Whether a word of {@code words} stands in the match's sentence. */
    boolean inSentence(NormalizedText text, int first, int last, Words words) {
        Window window = new Window(text, first, last);
        return occurs(text, window.sentenceStart, window.sentenceEnd, words);
    }

    /**
     * The tier of a match once the cues around it are read.
     *
     * @param namesSomeone the phrase itself says who it is about ("myself", "my life"), so
     *                     another person nearby does not change it
     * @return the lowered tier, and whether any cue was found, as {@code tier} and {@code cued}
     */
    Reading read(NormalizedText text, int first, int last, Tier base, boolean namesSomeone) {
        Window window = new Window(text, first, last);
        int soften = 0;
        int lower = 0;
        boolean cancel = false;
        boolean cued = false;
        for (Lexicon.Cue cue : Lexicon.Cue.values()) {
            if (cue == Lexicon.Cue.ADHERENCE || !present(cue, window, namesSomeone)) {
                continue;
            }
            cued = true;
            switch (cue.effect) {
                case SOFTEN -> soften++;
                case LOWER -> lower++;
                case CANCEL -> cancel = true;
                default -> throw new IllegalStateException();
            }
        }
        Tier tier = cancel ? Tier.NONE : base.lower(soften, Tier.CONCERN).lower(lower, Tier.NONE);
        return new Reading(tier, cued);
    }

    record Reading(Tier tier, boolean cued) {
    }

    private boolean present(Lexicon.Cue cue, Window w, boolean namesSomeone) {
        Words words = cueWords.get(cue);
        NormalizedText t = w.text;
        return switch (cue.reach) {
            case BEFORE -> occurs(t, w.reachStart, w.first - 1, words);
            case CLAUSE_BEFORE_AND_AFTER -> occurs(t, w.clauseStart, w.first - 1, words)
                    || occurs(t, w.last + 1, w.reachEnd, words);
            case AROUND -> occurs(t, w.reachStart, w.first - 1, words) || occurs(t, w.last + 1, w.reachEnd, words)
                    || cue == Lexicon.Cue.FICTION && t.quoted(w.first);
            case NEAREST_PERSON_BEFORE -> !namesSomeone && nearestIsAnotherPerson(w, words);
            case SENTENCE -> occurs(t, w.sentenceStart, w.first - 1, words)
                    || occurs(t, w.last + 1, w.sentenceEnd, words);
            case MESSAGE_WITH_PAST -> occurs(t, 0, t.tokenCount - 1, words)
                    && occurs(t, w.sentenceStart, w.sentenceEnd, pastTense);
        };
    }

    /**
     * Whether a negation stands right before the match (at most {@value #DENIAL_REACH} words, in its
     * clause): "not suicidal", "don't want to die", "not going to hurt myself".
     */
    boolean deniedRightBefore(NormalizedText text, int first) {
        Window window = new Window(text, first, first);
        return occurs(text, Math.max(window.clauseStart, first - DENIAL_REACH), first - 1, cueWords.get(Lexicon.Cue.NEGATION));
    }

    /** Whether a word of {@code words} stands anywhere in the message. */
    static boolean inMessage(NormalizedText text, Words words) {
        return occurs(text, 0, text.tokenCount - 1, words);
    }

    /** Walks back from the match: a person word before any "I", "me", "my" means someone else's words. */
    private boolean nearestIsAnotherPerson(Window w, Words people) {
        for (int k = w.first - 1; k >= w.reachStart; k--) {
            if (endsAt(w.text, k, w.reachStart, people)) {
                return true;
            }
            if (lexicon.selfReference.contains(w.text.token(k))) {
                return false;
            }
        }
        return false;
    }

    /** Whether any word or word sequence lies wholly within tokens [from, to]. */
    static boolean occurs(NormalizedText text, int from, int to, Words words) {
        for (int k = from; k <= to; k++) {
            if (endsAt(text, k, from, words)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word or sequence ends at token {@code end} and starts no earlier than {@code floor}. */
    private static boolean endsAt(NormalizedText text, int end, int floor, Words words) {
        if (words.singles.contains(text.token(end))) {
            return true;
        }
        for (String[] sequence : words.sequences) {
            int start = end - sequence.length + 1;
            if (start < floor) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < sequence.length && all; i++) {
                all = sequence[i].equals(text.token(start + i));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Whether the nearest person word within reach before token {@code token} is someone else. */
    boolean anotherPersonBefore(NormalizedText text, int token) {
        return nearestIsAnotherPerson(new Window(text, token, token), cueWords.get(Lexicon.Cue.OTHER_PERSON));
    }

    /** Whether a word of {@code words} stands in the sentence of token {@code token}. */
    boolean sentenceHasAny(NormalizedText text, int token, Set<String> words) {
        Window window = new Window(text, token, token);
        for (int k = window.sentenceStart; k <= window.sentenceEnd; k++) {
            if (words.contains(text.token(k))) {
                return true;
            }
        }
        return false;
    }

    static boolean anyToken(NormalizedText text, Set<String> words) {
        for (int k = 0; k < text.tokenCount; k++) {
            if (words.contains(text.token(k))) {
                return true;
            }
        }
        return false;
    }
}
