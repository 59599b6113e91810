package dev.haven.server.care.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the detector looks for, already normalised: phrases with their tier, method words,
 * and the cue words read around a match. Several lexicons (languages) merge into one. Built by
 * {@link LexiconLoader}; immutable.
 */
final class Lexicon {
    /**
     * A phrase and what it means when found. A phrase of tier {@link Tier#NONE} is an everyday
     * idiom: a match within it does not count.
     *
     * @param raisable   a concern phrase that a word of {@code raisers} in its sentence makes high
     * @param medication a medication method ("took all my pills"), which adherence words cancel
     */
    record Phrase(String text, Tier tier, boolean methodDetail, boolean raisable, boolean medication) {
    }

    /**
     * Words of different concepts in one sentence with a self-reference: "I've decided I won't be
     * alive next week" is intent and death.
     *
     * @param concepts the names of the concepts that must all be present
     */
    record Combination(Tier tier, boolean methodDetail, boolean raisable, List<String> concepts) {
    }

    /** What a cue does to a match's tier. */
    enum Effect {
        /** High becomes concern; a match is never dropped for it. */
        SOFTEN,
        /** One step lower: high becomes concern, concern becomes nothing. */
        LOWER,
        /** No match at all. */
        CANCEL
    }

    /** Where a cue must stand to count. */
    enum Reach {
        /** Within {@link CueReader#REACH} words before the match. */
        BEFORE,
        /** Anywhere in the clause before the match, or within the reach after it. */
        CLAUSE_BEFORE_AND_AFTER,
        /** Within the reach before or after the match. */
        AROUND,
        /** The nearest person word within the reach before the match, unless "I" or "me" is nearer. */
        NEAREST_PERSON_BEFORE,
        /** Anywhere in the match's sentence. */
        SENTENCE,
        /** Anywhere in the message, when the match's sentence also holds a word of {@code pastTense}. */
        MESSAGE_WITH_PAST
    }

    /** Words around a match that change what it means. */
    enum Cue {
        NEGATION(Effect.SOFTEN, Reach.BEFORE),
        CONDITIONAL(Effect.SOFTEN, Reach.CLAUSE_BEFORE_AND_AFTER),
        HYPOTHETICAL(Effect.LOWER, Reach.AROUND),
        OTHER_PERSON(Effect.LOWER, Reach.NEAREST_PERSON_BEFORE),
        PAST(Effect.LOWER, Reach.AROUND),
        /** Also any match inside quotation marks. */
        FICTION(Effect.LOWER, Reach.AROUND),
        INCIDENTAL(Effect.CANCEL, Reach.SENTENCE),
        /** Only for medication methods, and not when an intent, death or meansWarnings word is in the message. */
        ADHERENCE(Effect.CANCEL, Reach.SENTENCE),
        RECOVERY(Effect.LOWER, Reach.MESSAGE_WITH_PAST);

        final Effect effect;
        final Reach reach;

        Cue(Effect effect, Reach reach) {
            this.effect = effect;
            this.reach = reach;
        }
    }

    final List<Phrase> phrases;
    /** Method words as normalised text; found by the same automaton as the phrases. */
    final List<String> methods;
    /** Everyday things that are also methods (pills, a knife): they need a strong readying word. */
    final List<String> commonMethods;
    final List<String[]> readying;
    final List<String[]> strongReadying;
    /** Concept name to its words, normalised. */
    final Map<String, List<String>> concepts;
    final List<Combination> combinations;
    final List<String[]> raisers;
    final Set<String> selfReference;
    final Set<String> clauseBreaks;
    final Map<Cue, List<String[]>> cues;
    final List<String> sources;
    /** The words that bring a message to the lexicon's forms: fillers, respellings, typo anchors. */
    final Forms forms;
    /** Words that make a medication method a warning sign whatever else is said. */
    final List<String[]> meansWarnings;
    /** Ordinary low mood, a break wanted, getting better: with a denial right before a match, it does not count. */
    final List<String[]> reassurance;
    /** Past-tense words: the recovery cue lowers a match only in a sentence that holds one. */
    final List<String[]> pastTense;

    /**
     * What {@link WordForms} needs: words to drop, a canonical form for each respelling (its words,
     * normalised), and the words a one-letter slip still finds.
     */
    record Forms(List<String> fillers, Map<String, String> respellings, List<String> typoAnchors) {
        static final Forms NONE = new Forms(List.of(), Map.of(), List.of());

        Forms merge(Forms other) {
            List<String> allFillers = new ArrayList<>(fillers);
            allFillers.addAll(other.fillers);
            Map<String, String> allRespellings = new java.util.LinkedHashMap<>(respellings);
            allRespellings.putAll(other.respellings);
            List<String> allAnchors = new ArrayList<>(typoAnchors);
            allAnchors.addAll(other.typoAnchors);
            return new Forms(List.copyOf(allFillers), Collections.unmodifiableMap(allRespellings),
                    List.copyOf(allAnchors));
        }
    }

    Lexicon(List<Phrase> phrases, List<String> methods, List<String> commonMethods, List<String[]> readying,
            List<String[]> strongReadying, List<String[]> raisers, Map<String, List<String>> concepts,
            List<Combination> combinations, Set<String> selfReference, Set<String> clauseBreaks,
            Map<Cue, List<String[]>> cues, List<String> sources, Forms forms, List<String[]> meansWarnings,
            List<String[]> reassurance, List<String[]> pastTense) {
        this.phrases = List.copyOf(phrases);
        this.methods = List.copyOf(methods);
        this.commonMethods = List.copyOf(commonMethods);
        this.readying = List.copyOf(readying);
        this.strongReadying = List.copyOf(strongReadying);
        Map<String, List<String>> conceptCopy = new java.util.LinkedHashMap<>();
        concepts.forEach((name, words) -> conceptCopy.put(name, List.copyOf(words)));
        this.concepts = Collections.unmodifiableMap(conceptCopy);
        this.combinations = List.copyOf(combinations);
        this.raisers = List.copyOf(raisers);
        this.selfReference = Set.copyOf(selfReference);
        this.clauseBreaks = Set.copyOf(clauseBreaks);
        EnumMap<Cue, List<String[]>> copy = new EnumMap<>(Cue.class);
        for (Cue cue : Cue.values()) {
            copy.put(cue, List.copyOf(cues.getOrDefault(cue, List.of())));
        }
        this.cues = Collections.unmodifiableMap(copy);
        this.sources = List.copyOf(sources);
        this.forms = forms;
        this.meansWarnings = List.copyOf(meansWarnings);
        this.reassurance = List.copyOf(reassurance);
        this.pastTense = List.copyOf(pastTense);
    }

    /**
     * The same lexicon with every entry brought to the forms messages are brought to: a filler
     * in an entry is dropped as it is from a message, a respelling read as its word.
     */
    Lexicon folded(WordForms folding) {
        List<Phrase> foldedPhrases = new ArrayList<>();
        for (Phrase phrase : phrases) {
            foldedPhrases.add(new Phrase(folding.fold(phrase.text()), phrase.tier(), phrase.methodDetail(),
                    phrase.raisable(), phrase.medication()));
        }
        Map<String, List<String>> foldedConcepts = new java.util.LinkedHashMap<>();
        concepts.forEach((name, words) -> foldedConcepts.put(name, words.stream().map(folding::fold).toList()));
        Map<Cue, List<String[]>> foldedCues = new EnumMap<>(Cue.class);
        cues.forEach((cue, words) -> foldedCues.put(cue, foldAll(folding, words)));
        return new Lexicon(foldedPhrases, methods.stream().map(folding::fold).toList(),
                commonMethods.stream().map(folding::fold).toList(), foldAll(folding, readying),
                foldAll(folding, strongReadying), foldAll(folding, raisers), foldedConcepts, combinations,
                selfReference, clauseBreaks, foldedCues, sources, forms, foldAll(folding, meansWarnings),
                foldAll(folding, reassurance), foldAll(folding, pastTense));
    }

    private static List<String[]> foldAll(WordForms folding, List<String[]> entries) {
        List<String[]> result = new ArrayList<>();
        for (String[] entry : entries) {
            String folded = folding.fold(String.join(" ", entry));
            if (!folded.isEmpty()) {
                result.add(folded.split(" "));
            }
        }
        return result;
    }

    /** One lexicon holding what both hold. */
    Lexicon merge(Lexicon other) {
        List<Phrase> allPhrases = new ArrayList<>(phrases);
        allPhrases.addAll(other.phrases);
        List<String> allMethods = new ArrayList<>(methods);
        allMethods.addAll(other.methods);
        List<String> allCommonMethods = new ArrayList<>(commonMethods);
        allCommonMethods.addAll(other.commonMethods);
        List<String[]> allReadying = new ArrayList<>(readying);
        allReadying.addAll(other.readying);
        List<String[]> allStrongReadying = new ArrayList<>(strongReadying);
        allStrongReadying.addAll(other.strongReadying);
        Map<String, List<String>> allConcepts = new java.util.LinkedHashMap<>();
        for (Map<String, List<String>> source : List.of(concepts, other.concepts)) {
            source.forEach((name, words) -> allConcepts.computeIfAbsent(name, k -> new ArrayList<>()).addAll(words));
        }
        List<Combination> allCombinations = new ArrayList<>(combinations);
        allCombinations.addAll(other.combinations);
        List<String[]> allRaisers = new ArrayList<>(raisers);
        allRaisers.addAll(other.raisers);
        Set<String> self = new HashSet<>(selfReference);
        self.addAll(other.selfReference);
        Set<String> breaks = new HashSet<>(clauseBreaks);
        breaks.addAll(other.clauseBreaks);
        Map<Cue, List<String[]>> allCues = new EnumMap<>(Cue.class);
        for (Cue cue : Cue.values()) {
            List<String[]> words = new ArrayList<>(cues.get(cue));
            words.addAll(other.cues.get(cue));
            allCues.put(cue, words);
        }
        List<String> allSources = new ArrayList<>(sources);
        allSources.addAll(other.sources);
        return new Lexicon(allPhrases, allMethods, allCommonMethods, allReadying, allStrongReadying, allRaisers,
                allConcepts, allCombinations, self, breaks, allCues, allSources, forms.merge(other.forms),
                concat(meansWarnings, other.meansWarnings), concat(reassurance, other.reassurance),
                concat(pastTense, other.pastTense));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
