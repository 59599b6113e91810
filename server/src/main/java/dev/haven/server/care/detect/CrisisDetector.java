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
    private final Lexicon lexicon;
    private final PhraseAutomaton automaton;
    private final CueReader cues;
    /** Per automaton phrase: its lexicon entry, or null for a method word. */
    private final Lexicon.Phrase[] phrases;
    /** Per automaton phrase: whether it names who it is about ("myself", "my"). */
    private final boolean[] namesSomeone;

    private CrisisDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
        List<String> texts = new ArrayList<>();
        List<Lexicon.Phrase> entries = new ArrayList<>();
        for (Lexicon.Phrase phrase : lexicon.phrases) {
            texts.add(phrase.text());
            entries.add(phrase);
        }
        for (String method : lexicon.methods) {
            texts.add(method);
            entries.add(null);
        }
        this.automaton = new PhraseAutomaton(texts);
        this.phrases = entries.toArray(new Lexicon.Phrase[0]);
        this.namesSomeone = new boolean[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            namesSomeone[i] = Arrays.stream(texts.get(i).split(" ")).anyMatch(lexicon.selfReference::contains);
        }
        this.cues = new CueReader(lexicon);
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
        return found.count == 0 ? Detection.NONE : judge(normalized, found);
    }

    private Detection judge(NormalizedText text, Found found) {
        int n = found.count;
        int[] first = new int[n];
        int[] last = new int[n];
        boolean[] valid = new boolean[n];
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
        Tier best = Tier.NONE;
        boolean methodDetail = false;
        boolean phraseFound = false;
        for (int i = 0; i < n; i++) {
            Lexicon.Phrase phrase = phrases[found.phrases[i]];
            if (!valid[i] || phrase == null || phrase.tier() == Tier.NONE) {
                continue;
            }
            CueReader.Reading reading = cues.read(text, first[i], last[i], phrase.tier(), namesSomeone[found.phrases[i]]);
            Tier tier = reading.tier();
            if (tier == Tier.CONCERN && phrase.raisable() && !reading.cued()
                    && cues.inSentence(text, first[i], last[i], lexicon.raisers)) {
                tier = Tier.HIGH;
            }
            phraseFound |= tier != Tier.NONE;
            methodDetail |= phrase.methodDetail() && tier == Tier.HIGH;
            best = Tier.max(best, tier);
        }
        Boolean selfReferenced = null;
        for (int i = 0; i < n; i++) {
            if (!valid[i] || phrases[found.phrases[i]] != null) {
                continue;
            }
            if (selfReferenced == null) {
                selfReferenced = CueReader.anyToken(text, lexicon.selfReference);
            }
            if (!selfReferenced
                    || !phraseFound && !cues.inSentence(text, first[i], last[i], lexicon.readying)) {
                continue;
            }
            Tier tier = cues.read(text, first[i], last[i], Tier.HIGH, false).tier();
            methodDetail |= tier == Tier.HIGH;
            best = Tier.max(best, tier);
        }
        return new Detection(best, methodDetail);
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
