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
     * @param raisable a concern phrase that a word of {@code raisers} in its sentence makes high
     */
    record Phrase(String text, Tier tier, boolean methodDetail, boolean raisable) {
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
        SENTENCE
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
        INCIDENTAL(Effect.CANCEL, Reach.SENTENCE);

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

    Lexicon(List<Phrase> phrases, List<String> methods, List<String> commonMethods, List<String[]> readying,
            List<String[]> strongReadying, List<String[]> raisers, Map<String, List<String>> concepts,
            List<Combination> combinations, Set<String> selfReference, Set<String> clauseBreaks,
            Map<Cue, List<String[]>> cues, List<String> sources) {
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
                allConcepts, allCombinations, self, breaks, allCues, allSources);
    }
}
