package dev.haven.server.care.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads lexicon files (YAML; the format is described in the built-in {@code lexicon-en.yaml}).
 * An entry may hold alternatives, {@code {a|b|c}}, and optional words, {@code [really]}; each is
 * expanded and normalised as messages are. A source is {@code builtin:LANG} for a lexicon in the
 * jar, or a file path.
 */
final class LexiconLoader {
    static final String BUILTIN = "builtin:";
    /** A bound on how many phrases one entry may expand into, against a typo multiplying them. */
    private static final int MAX_VARIANTS = 2048;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LexiconLoader() {
    }

    /** The file's shape. */
    record LexiconFile(String language, String source, String licence, List<PhraseGroup> phrases,
                       List<String> methods, List<String> commonMethods, List<String> readying,
                       List<String> strongReadying, List<String> raisers, Map<String, List<String>> concepts,
                       List<CombinationRule> combinations, List<String> selfReference, List<String> clauseBreaks,
                       Map<String, List<String>> cues, List<String> fillers, Map<String, List<String>> respellings,
                       List<String> typoAnchors, List<String> meansWarnings, List<String> reassurance,
                       List<String> pastTense) {
    }

    record CombinationRule(String tier, Boolean methodDetail, Boolean raisable, List<String> concepts) {
    }

    record PhraseGroup(String group, String tier, Boolean methodDetail, Boolean raisable, Boolean medication,
                       List<String> words) {
    }

    /** Loads and merges the lexicons named; fails with a message naming the source and the problem. */
    static Lexicon load(List<String> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no lexicon is configured");
        }
        Lexicon merged = null;
        for (String source : sources) {
            Lexicon lexicon = build(read(source), source);
            merged = merged == null ? lexicon : merged.merge(lexicon);
        }
        return merged;
    }

    private static LexiconFile read(String source) {
        try {
            if (source.startsWith(BUILTIN)) {
                String language = source.substring(BUILTIN.length());
                if (!language.matches("[a-z]{2,3}")) {
                    throw new IllegalArgumentException("lexicon '" + source + "' names no language");
                }
                try (InputStream in = LexiconLoader.class.getResourceAsStream("/care/lexicon-" + language + ".yaml")) {
                    if (in == null) {
                        throw new IllegalArgumentException("there is no built-in lexicon '" + source + "'");
                    }
                    return YAML.readValue(in, LexiconFile.class);
                }
            }
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("lexicon file " + source + " does not exist");
            }
            return YAML.readValue(file.toFile(), LexiconFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("lexicon " + source + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read lexicon " + source + ": " + e.getMessage(), e);
        }
    }

    private static Lexicon build(LexiconFile file, String source) {
        if (file == null || file.phrases() == null || file.phrases().isEmpty()) {
            throw new IllegalArgumentException("lexicon " + source + " has no phrases");
        }
        List<Lexicon.Phrase> phrases = new ArrayList<>();
        for (PhraseGroup group : file.phrases()) {
            Tier tier = tier(group.tier(), "phrase group '" + group.group() + "'", source);
            for (String entry : list(group.words())) {
                for (String variant : expand(entry, source)) {
                    phrases.add(new Lexicon.Phrase(variant, tier, Boolean.TRUE.equals(group.methodDetail()),
                            Boolean.TRUE.equals(group.raisable()), Boolean.TRUE.equals(group.medication())));
                }
            }
        }
        Map<Lexicon.Cue, List<String[]>> cues = new EnumMap<>(Lexicon.Cue.class);
        Map<String, List<String>> fileCues = file.cues() == null ? Map.of() : file.cues();
        for (Map.Entry<String, List<String>> cue : fileCues.entrySet()) {
            Lexicon.Cue kind = cue(cue.getKey(), source);
            cues.put(kind, words(cue.getValue(), source));
        }
        Set<String> self = new HashSet<>();
        words(file.selfReference(), source).forEach(w -> self.add(String.join(" ", w)));
        Set<String> breaks = new HashSet<>();
        words(file.clauseBreaks(), source).forEach(w -> breaks.add(String.join(" ", w)));
        Map<String, List<String>> concepts = new java.util.LinkedHashMap<>();
        Map<String, List<String>> fileConcepts = file.concepts() == null ? Map.of() : file.concepts();
        fileConcepts.forEach((name, entries) -> concepts.put(name, expandAll(entries, source)));
        List<Lexicon.Combination> combinations = new ArrayList<>();
        for (CombinationRule rule : list(file.combinations())) {
            List<String> names = list(rule.concepts());
            if (names.size() < 2 || !concepts.keySet().containsAll(names)) {
                throw new IllegalArgumentException("lexicon " + source + ": a combination needs two or more concepts"
                        + " defined under 'concepts' (got " + names + ")");
            }
            combinations.add(new Lexicon.Combination(tier(rule.tier(), "combination " + names, source),
                    Boolean.TRUE.equals(rule.methodDetail()), Boolean.TRUE.equals(rule.raisable()), names));
        }
        return new Lexicon(phrases, expandAll(file.methods(), source), expandAll(file.commonMethods(), source),
                words(file.readying(), source), words(file.strongReadying(), source), words(file.raisers(), source),
                concepts, combinations, self, breaks, cues,
                List.of(source + (file.source() == null ? "" : " (" + file.source() + ")")), forms(file, source),
                words(file.meansWarnings(), source), words(file.reassurance(), source), words(file.pastTense(), source));
    }

    private static Lexicon.Forms forms(LexiconFile file, String source) {
        Map<String, String> respellings = new java.util.LinkedHashMap<>();
        Map<String, List<String>> fileRespellings = file.respellings() == null ? Map.of() : file.respellings();
        fileRespellings.forEach((word, variants) -> {
            String canonical = TextNormalizer.normalize(word).joined();
            for (String variant : expandAll(variants, source)) {
                if (!variant.equals(canonical)) {
                    respellings.put(variant, canonical);
                }
            }
        });
        List<String> anchors = expandAll(file.typoAnchors(), source);
        for (String anchor : anchors) {
            if (anchor.length() < WordForms.MIN_TYPO_LENGTH || anchor.contains(" ")) {
                throw new IllegalArgumentException("lexicon " + source + ": typo anchor '" + anchor
                        + "' must be one word of at least " + WordForms.MIN_TYPO_LENGTH + " letters");
            }
        }
        return new Lexicon.Forms(expandAll(file.fillers(), source), respellings, anchors);
    }

    private static Tier tier(String value, String what, String source) {
        String name = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "high" -> Tier.HIGH;
            case "concern" -> Tier.CONCERN;
            case "none" -> Tier.NONE;
            default -> throw new IllegalArgumentException("lexicon " + source + ": " + what
                    + " needs a tier of high, concern or none");
        };
    }

    private static List<String> expandAll(List<String> entries, String source) {
        List<String> result = new ArrayList<>();
        for (String entry : list(entries)) {
            result.addAll(expand(entry, source));
        }
        return result;
    }

    private static Lexicon.Cue cue(String name, String source) {
        return switch (name) {
            case "negation" -> Lexicon.Cue.NEGATION;
            case "conditional" -> Lexicon.Cue.CONDITIONAL;
            case "hypothetical" -> Lexicon.Cue.HYPOTHETICAL;
            case "otherPerson" -> Lexicon.Cue.OTHER_PERSON;
            case "past" -> Lexicon.Cue.PAST;
            case "fiction" -> Lexicon.Cue.FICTION;
            case "incidental" -> Lexicon.Cue.INCIDENTAL;
            case "adherence" -> Lexicon.Cue.ADHERENCE;
            case "recovery" -> Lexicon.Cue.RECOVERY;
            default -> throw new IllegalArgumentException("lexicon " + source + ": unknown cue list '" + name
                    + "' (negation, conditional, hypothetical, otherPerson, past, fiction, incidental, adherence,"
                    + " recovery)");
        };
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** Each entry expanded and normalised into its words. */
    private static List<String[]> words(List<String> entries, String source) {
        List<String[]> result = new ArrayList<>();
        for (String entry : list(entries)) {
            for (String variant : expand(entry, source)) {
                result.add(variant.split(" "));
            }
        }
        return result;
    }

    /** Every phrase an entry stands for, normalised; alternatives {@code {a|b}} and options {@code [a]}. */
    static List<String> expand(String entry, String source) {
        Set<String> raw = new LinkedHashSet<>();
        expandInto(entry, raw, source, entry);
        List<String> normalised = new ArrayList<>(raw.size());
        for (String variant : raw) {
            String text = TextNormalizer.normalize(variant).joined();
            if (!text.isEmpty() && !normalised.contains(text)) {
                normalised.add(text);
            }
        }
        return normalised;
    }

    private static void expandInto(String rest, Set<String> out, String source, String entry) {
        int open = indexOfOpening(rest);
        if (open < 0) {
            out.add(rest);
            if (out.size() > MAX_VARIANTS) {
                throw new IllegalArgumentException("lexicon " + source + ": the entry '" + entry + "' expands into more"
                        + " than " + MAX_VARIANTS + " phrases");
            }
            return;
        }
        char opening = rest.charAt(open);
        char closing = opening == '{' ? '}' : ']';
        int close = matching(rest, open, opening, closing);
        if (close < 0) {
            throw new IllegalArgumentException("lexicon " + source + ": unclosed '" + opening + "' in '" + entry + "'");
        }
        String inside = rest.substring(open + 1, close);
        List<String> alternatives = opening == '{' ? splitTopLevel(inside) : List.of(inside, "");
        String head = rest.substring(0, open);
        String tail = rest.substring(close + 1);
        for (String alternative : alternatives) {
            expandInto(head + alternative + tail, out, source, entry);
        }
    }

    private static int indexOfOpening(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }

    private static int matching(String text, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String inside) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(inside.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inside.substring(start));
        return parts;
    }
}
