package dev.haven.server.care.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds crisis language in a member's message and says how worrying it is: {@code high} for a
 * plan, a method, a time or a stated intent, {@code concern} for thoughts of dying, hopelessness
 * and self-harm, nothing otherwise. It never decides anything about the member: a person reads
 * every alert.
 *
 * <p>How: the text is normalised ({@link TextNormalizer}), one Aho–Corasick pass finds every
 * phrase and method word of the lexicon on word boundaries, a phrase inside a longer one counts
 * as the longer one (so an everyday idiom such as "dying to see" silences "die"), and the words
 * around each match are read for cues ({@link CueReader}). A method word counts only with a
 * self-reference in the message and another match or a readying word in its sentence.
 *
 * <p>Immutable and thread-safe; {@link #detect} allocates only a little, and allocates more only
 * when something matched.
 */
public final class CrisisDetector {
    /** What an automaton phrase is. */
    private enum Kind { PHRASE, METHOD, COMMON_METHOD, CONCEPT }

    private final Lexicon lexicon;
    private final PhraseAutomaton automaton;
    private final CueReader cues;
    private final Kind[] kinds;
    /** Per automaton phrase: its lexicon phrase, for {@link Kind#PHRASE}. */
    private final Lexicon.Phrase[] phrases;
    /** Per automaton phrase: its concept's index, for {@link Kind#CONCEPT}. */
    private final int[] concepts;
    /** Per automaton phrase: whether it names who it is about ("myself", "my"). */
    private final boolean[] namesSomeone;
    /** Per combination: the indexes of its concepts. */
    private final int[][] combinationConcepts;

    private CrisisDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
        List<String> texts = new ArrayList<>();
        List<Kind> kindList = new ArrayList<>();
        List<Lexicon.Phrase> phraseList = new ArrayList<>();
        List<Integer> conceptList = new ArrayList<>();
        for (Lexicon.Phrase phrase : lexicon.phrases) {
            add(texts, kindList, phraseList, conceptList, phrase.text(), Kind.PHRASE, phrase, -1);
        }
        lexicon.methods.forEach(m -> add(texts, kindList, phraseList, conceptList, m, Kind.METHOD, null, -1));
        lexicon.commonMethods.forEach(m -> add(texts, kindList, phraseList, conceptList, m, Kind.COMMON_METHOD, null, -1));
        List<String> conceptNames = new ArrayList<>(lexicon.concepts.keySet());
        for (int c = 0; c < conceptNames.size(); c++) {
            for (String word : lexicon.concepts.get(conceptNames.get(c))) {
                add(texts, kindList, phraseList, conceptList, word, Kind.CONCEPT, null, c);
            }
        }
        this.automaton = new PhraseAutomaton(texts);
        this.kinds = kindList.toArray(new Kind[0]);
        this.phrases = phraseList.toArray(new Lexicon.Phrase[0]);
        this.concepts = conceptList.stream().mapToInt(Integer::intValue).toArray();
        this.namesSomeone = new boolean[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            namesSomeone[i] = Arrays.stream(texts.get(i).split(" ")).anyMatch(lexicon.selfReference::contains);
        }
        this.combinationConcepts = lexicon.combinations.stream()
                .map(c -> c.concepts().stream().mapToInt(conceptNames::indexOf).toArray())
                .toArray(int[][]::new);
        this.cues = new CueReader(lexicon);
    }

    private static void add(List<String> texts, List<Kind> kinds, List<Lexicon.Phrase> phrases, List<Integer> concepts,
                            String text, Kind kind, Lexicon.Phrase phrase, int concept) {
        texts.add(text);
        kinds.add(kind);
        phrases.add(phrase);
        concepts.add(concept);
    }

    /** The detector with Haven's built-in English lexicon. */
    public static CrisisDetector builtin() {
        return Builtin.INSTANCE;
    }

    /**
     * A detector for the lexicons named ({@code builtin:en}, or paths of lexicon files), merged.
     *
     * @throws IllegalArgumentException naming the lexicon and what is wrong with it
     */
    public static CrisisDetector load(List<String> sources) {
        return new CrisisDetector(LexiconLoader.load(sources));
    }

    /** Where the lexicons came from, for the start-up log. */
    public List<String> sources() {
        return lexicon.sources;
    }

    public Detection detect(String text) {
        if (text == null || text.isEmpty()) {
            return Detection.NONE;
        }
        NormalizedText normalized = TextNormalizer.normalize(text);
        Found found = new Found();
        automaton.scan(normalized.chars, normalized.length, found);
        return found.count == 0 ? Detection.NONE : new Judgement(normalized, found).verdict();
    }

    /** The matches of one message, weighed together. */
    private final class Judgement {
        private final NormalizedText text;
        private final Found found;
        private final int[] first;
        private final int[] last;
        private final boolean[] valid;
        private Tier best = Tier.NONE;
        private boolean methodDetail;
        private boolean crisisFound;

        Judgement(NormalizedText text, Found found) {
            this.text = text;
            this.found = found;
            int n = found.count;
            this.first = new int[n];
            this.last = new int[n];
            this.valid = new boolean[n];
            for (int i = 0; i < n; i++) {
                first[i] = text.tokenAt(found.starts[i]);
                last[i] = text.tokenAt(found.ends[i] - 1);
                valid[i] = text.sentence(first[i]) == text.sentence(last[i]);
            }
            // A match inside a longer one is part of it: the longer one alone counts.
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n && valid[i]; j++) {
                    if (j != i && valid[j] && first[j] <= first[i] && last[i] <= last[j]
                            && last[j] - first[j] > last[i] - first[i]) {
                        valid[i] = false;
                    }
                }
            }
        }

        Detection verdict() {
            for (int i = 0; i < found.count; i++) {
                if (valid[i] && kinds[found.phrases[i]] == Kind.PHRASE) {
                    phrase(i);
                }
            }
            for (int c = 0; c < combinationConcepts.length; c++) {
                combination(lexicon.combinations.get(c), combinationConcepts[c]);
            }
            Boolean selfReferenced = null;
            for (int i = 0; i < found.count; i++) {
                Kind kind = kinds[found.phrases[i]];
                if (!valid[i] || kind != Kind.METHOD && kind != Kind.COMMON_METHOD) {
                    continue;
                }
                if (selfReferenced == null) {
                    selfReferenced = CueReader.anyToken(text, lexicon.selfReference);
                }
                CueReader.Words readying = kind == Kind.METHOD ? cues.readying() : cues.strongReadying();
                if (selfReferenced && (crisisFound || cues.inSentence(text, first[i], last[i], readying))) {
                    weigh(cues.read(text, first[i], last[i], Tier.HIGH, false).tier(), true);
                }
            }
            return new Detection(best, methodDetail);
        }

        private void phrase(int i) {
            Lexicon.Phrase phrase = phrases[found.phrases[i]];
            if (phrase.tier() == Tier.NONE) {
                return;
            }
            CueReader.Reading reading = cues.read(text, first[i], last[i], phrase.tier(), namesSomeone[found.phrases[i]]);
            weigh(raise(reading, phrase.raisable(), first[i], last[i]), phrase.methodDetail());
        }

        /**
         * The first match of each concept in one sentence, read as one span, when the sentence is
         * about its writer: a self-reference in it, and no other person nearer before the span.
         */
        private void combination(Lexicon.Combination rule, int[] needed) {
            int[] chosen = new int[needed.length];
            for (int i = 0; i < found.count; i++) {
                if (!valid[i] || kinds[found.phrases[i]] != Kind.CONCEPT) {
                    continue;
                }
                int sentence = text.sentence(first[i]);
                Arrays.fill(chosen, -1);
                boolean names = false;
                boolean complete = true;
                for (int k = 0; k < needed.length && complete; k++) {
                    for (int j = 0; j < found.count && chosen[k] < 0; j++) {
                        if (valid[j] && kinds[found.phrases[j]] == Kind.CONCEPT && concepts[found.phrases[j]] == needed[k]
                                && text.sentence(first[j]) == sentence) {
                            chosen[k] = j;
                            names |= namesSomeone[found.phrases[j]];
                        }
                    }
                    complete = chosen[k] >= 0;
                }
                if (!complete) {
                    continue;
                }
                int spanFirst = Integer.MAX_VALUE;
                int spanLast = -1;
                for (int j : chosen) {
                    spanFirst = Math.min(spanFirst, first[j]);
                    spanLast = Math.max(spanLast, last[j]);
                }
                boolean aboutWriter = names || !cues.anotherPersonBefore(text, spanFirst)
                        && cues.sentenceHasAny(text, spanFirst, lexicon.selfReference);
                if (aboutWriter) {
                    CueReader.Reading reading = cues.read(text, spanFirst, spanLast, rule.tier(), names);
                    weigh(raise(reading, rule.raisable(), spanFirst, spanLast), rule.methodDetail());
                }
                return;
            }
        }

        /** A concern match with no cue becomes high when a raiser (a time, a plan) stands in its sentence. */
        private Tier raise(CueReader.Reading reading, boolean raisable, int from, int to) {
            if (reading.tier() == Tier.CONCERN && raisable && !reading.cued()
                    && cues.inSentence(text, from, to, cues.raisers())) {
                return Tier.HIGH;
            }
            return reading.tier();
        }

        private void weigh(Tier tier, boolean describesMethod) {
            crisisFound |= tier != Tier.NONE;
            methodDetail |= describesMethod && tier == Tier.HIGH;
            best = Tier.max(best, tier);
        }
    }

    /** The automaton's matches, kept in arrays that grow only when something matched. */
    private static final class Found implements PhraseAutomaton.Matches {
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

    /** The built-in detector, loaded on first use. */
    private static final class Builtin {
        static final CrisisDetector INSTANCE = load(List.of(LexiconLoader.BUILTIN + "en"));
    }
}
