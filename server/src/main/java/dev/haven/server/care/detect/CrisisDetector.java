package dev.haven.server.care.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds crisis language in a member's message and says how worrying it is: {@code high} for a
 * plan, a method, a time or a stated intent, {@code concern} for thoughts of dying, hopelessness
 * and self-harm, nothing otherwise. It never decides anything about the member: a person reads
 * every alert.
 *
 * <p>How: the text is normalised ({@link TextNormalizer}) and brought to the lexicon's word forms
 * ({@link WordForms}: fillers dropped, respellings and one-letter slips read as their word), one
 * Aho–Corasick pass finds every phrase and method word of the lexicon on word boundaries, a phrase
 * inside a longer one counts as the longer one (so an everyday idiom such as "dying to see"
 * silences "die"), and the words around each match are read for cues ({@link CueReader}). A
 * method word counts only when the message is about its writer (a self-reference, or no person
 * named at all, as chat drops the "I") and another match or a readying word stands in its
 * sentence. A medication method next to adherence words ("like the doctor said", "from the
 * pharmacy") counts only with a death word, a stockpiling word or a firm decision in the message,
 * or intent together with a time ("going to … tonight"). A match right after a negation, in a
 * message that names an ordinary low mood (or getting better), is an explicit denial and does not
 * count ("I'm not suicidal, just sad"); another match in the message still does.
 *
 * <p>{@link Detection#methodDetail()} is set only where a method at the high tier and intent (an
 * intent word, a readying, stockpiling or firm-decision word, a time, or a high-tier phrase) meet
 * in one sentence that names its writer ("I", "my"): the member's own first-person statement.
 * That is what a room that holds method detail holds; talk of medication is never held.
 *
 * <p>Immutable and thread-safe; {@link #detect} allocates only a little, and allocates more only
 * when something matched.
 */
public final class CrisisDetector {
    /** What an automaton phrase is. */
    private enum Kind { PHRASE, METHOD, COMMON_METHOD, CONCEPT }

    private final Lexicon lexicon;
    private final WordForms forms;
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
    private final CueReader.Words intentWords;
    /** The death concept's words: with one, adherence words do not cancel a medication method. */
    private final CueReader.Words deathWords;
    private final CueReader.Words otherPeople;

    private CrisisDetector(Lexicon loaded) {
        this.forms = new WordForms(loaded.forms);
        this.lexicon = loaded.folded(forms);
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
        this.intentWords = words(lexicon.concepts.getOrDefault("intent", List.of()));
        this.deathWords = words(lexicon.concepts.getOrDefault("death", List.of()));
        this.otherPeople = cues.cue(Lexicon.Cue.OTHER_PERSON);
    }

    private static CueReader.Words words(List<String> entries) {
        return new CueReader.Words(entries.stream().map(e -> e.split(" ")).toList());
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
        NormalizedText normalized = forms.apply(TextNormalizer.normalize(text));
        FoundPhrases found = new FoundPhrases();
        automaton.scan(normalized.chars, normalized.length, found);
        return found.count == 0 ? Detection.NONE : new Judgement(normalized, found).verdict();
    }

    /** The matches of one message, weighed together. */
    private final class Judgement {
        private final NormalizedText text;
        private final FoundPhrases found;
        private final int[] first;
        private final int[] last;
        private final boolean[] valid;
        private Tier best = Tier.NONE;
        private boolean crisisFound;
        /** The sentences that hold a method read at the high tier; apart, those of a medication method. */
        private final BitSet methodSentences = new BitSet();
        private final BitSet medicationSentences = new BitSet();
        private Boolean reassured;
        private Boolean namesAnyone;

        Judgement(NormalizedText text, FoundPhrases found) {
            this.text = text;
            this.found = found;
            int n = found.count;
            this.first = new int[n];
            this.last = new int[n];
            this.valid = new boolean[n];
            for (int i = 0; i < n; i++) {
                first[i] = text.tokenAt(found.starts[i]);
                last[i] = text.tokenAt(found.ends[i] - 1);
                valid[i] = text.clause(first[i]) == text.clause(last[i]);
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
                if (valid[i] && kinds[found.phrases[i]] == Kind.PHRASE && !phrases[found.phrases[i]].medication()) {
                    phrase(i);
                }
            }
            for (int c = 0; c < combinationConcepts.length; c++) {
                combination(lexicon.combinations.get(c), combinationConcepts[c]);
            }
            for (int i = 0; i < found.count; i++) {
                if (valid[i] && kinds[found.phrases[i]] == Kind.PHRASE && phrases[found.phrases[i]].medication()
                        && !adherent(i)) {
                    phrase(i);
                }
            }
            boolean aboutWriter = CueReader.anyToken(text, lexicon.selfReference) || !namesAnyone();
            for (int i = 0; i < found.count; i++) {
                Kind kind = kinds[found.phrases[i]];
                if (!valid[i] || kind != Kind.METHOD && kind != Kind.COMMON_METHOD || !aboutWriter
                        || kind == Kind.COMMON_METHOD && adherent(i)) {
                    continue;
                }
                CueReader.Words readying = kind == Kind.METHOD ? cues.readying() : cues.strongReadying();
                if (crisisFound || cues.inSentence(text, first[i], last[i], readying)) {
                    weigh(cues.read(text, first[i], last[i], Tier.HIGH, false).tier(), true, i);
                    if (kind == Kind.COMMON_METHOD) {
                        medicationSentences.set(text.sentence(first[i]));
                    }
                }
            }
            return new Detection(best, holdsMethodDetail());
        }

        private void phrase(int i) {
            Lexicon.Phrase phrase = phrases[found.phrases[i]];
            if (phrase.tier() == Tier.NONE) {
                return;
            }
            CueReader.Reading reading = cues.read(text, first[i], last[i], phrase.tier(), namesSomeone[found.phrases[i]]);
            if (reading.tier() != Tier.NONE && deniedAt(first[i])) {
                return;
            }
            Tier tier = raise(reading, phrase.raisable(), first[i], last[i]);
            weigh(tier, phrase.methodDetail(), i);
            if (phrase.medication() && tier == Tier.HIGH) {
                medicationSentences.set(text.sentence(first[i]));
            }
        }

        /** An explicit denial with an ordinary low mood: "I'm not suicidal, just sad". */
        private boolean deniedAt(int token) {
            if (!cues.deniedRightBefore(text, token)) {
                return false;
            }
            if (reassured == null) {
                reassured = CueReader.inMessage(text, cues.reassurance());
            }
            return reassured;
        }

        /**
         * A medication method beside adherence words ("like the doctor said", "from the pharmacy")
         * with nothing else to worry about: no other match, no death word, no stockpiling or firm
         * decision, and not intent and a time together. "Going to" alone is the future, and "this
         * evening" alone a time to take them, not intent.
         */
        private boolean adherent(int i) {
            return !crisisFound && cues.inSentence(text, first[i], last[i], cues.cue(Lexicon.Cue.ADHERENCE))
                    && !CueReader.inMessage(text, deathWords) && !CueReader.inMessage(text, cues.meansWarnings())
                    && !(CueReader.inMessage(text, intentWords) && CueReader.inMessage(text, cues.raisers()));
        }

        private boolean namesAnyone() {
            if (namesAnyone == null) {
                namesAnyone = CueReader.inMessage(text, otherPeople);
            }
            return namesAnyone;
        }

        /**
         * The first match of each concept in one sentence, read as one span, when the sentence is
         * about its writer: a self-reference in it, or no person named in it at all, and no other
         * person nearer before the span.
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
                        && (cues.sentenceHasAny(text, spanFirst, lexicon.selfReference)
                        || !cues.inSentence(text, spanFirst, spanFirst, otherPeople));
                if (aboutWriter) {
                    CueReader.Reading reading = cues.read(text, spanFirst, spanLast, rule.tier(), names);
                    if (reading.tier() != Tier.NONE && deniedAt(spanFirst)) {
                        return;
                    }
                    weigh(raise(reading, rule.raisable(), spanFirst, spanLast), rule.methodDetail(), chosen[0]);
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

        private void weigh(Tier tier, boolean describesMethod, int match) {
            crisisFound |= tier != Tier.NONE;
            best = Tier.max(best, tier);
            if (tier == Tier.HIGH) {
                int sentence = text.sentence(first[match]);
                if (describesMethod) {
                    methodSentences.set(sentence);
                }
            }
        }

        /**
         * Whether a method at the high tier stands in a sentence that also holds intent (an intent
         * word, a readying, stockpiling or firm-decision word, a time, or another high-tier match)
         * and names its writer: the member's own first-person statement of intent and method.
         * Taking one's pills is also what everyone on medication does every day, so a medication
         * method is held only with more: a stockpiling word or firm decision, or intent with a
         * time or a death word ("going to take all my pills tonight").
         */
        private boolean holdsMethodDetail() {
            for (int s = methodSentences.nextSetBit(0); s >= 0; s = methodSentences.nextSetBit(s + 1)) {
                int token = firstTokenOf(s);
                if (!cues.sentenceHasAny(text, token, lexicon.selfReference)) {
                    continue;
                }
                boolean intent = cues.inSentence(text, token, token, intentWords);
                boolean time = cues.inSentence(text, token, token, cues.raisers());
                boolean warning = cues.inSentence(text, token, token, cues.meansWarnings());
                boolean death = cues.inSentence(text, token, token, deathWords);
                if (medicationSentences.get(s) && !highPhraseBesidesMethod(s)
                        ? warning || intent && (time || death)
                        : intent || time || warning || cues.inSentence(text, token, token, cues.readying())
                        || highPhraseBesidesMethod(s)) {
                    return true;
                }
            }
            return false;
        }

        private int firstTokenOf(int sentence) {
            for (int t = 0; t < text.tokenCount; t++) {
                if (text.sentence(t) == sentence) {
                    return t;
                }
            }
            return 0;
        }

        /** Whether a high-tier phrase that describes no method (intent, a farewell) stands in the sentence. */
        private boolean highPhraseBesidesMethod(int sentence) {
            for (int i = 0; i < found.count; i++) {
                if (valid[i] && kinds[found.phrases[i]] == Kind.PHRASE && text.sentence(first[i]) == sentence) {
                    Lexicon.Phrase phrase = phrases[found.phrases[i]];
                    if (phrase.tier() == Tier.HIGH && !phrase.methodDetail()
                            && cues.read(text, first[i], last[i], Tier.HIGH, namesSomeone[found.phrases[i]]).tier() == Tier.HIGH) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The built-in detector, loaded on first use. */
    private static final class Builtin {
        static final CrisisDetector INSTANCE = load(List.of(LexiconLoader.BUILTIN + "en"));
    }
}
