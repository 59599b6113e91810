package dev.haven.server.care.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.care.detect.CrisisDetector;
import dev.haven.server.care.detect.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both stages as the server runs them (the lexicon; the shipped model on what the lexicon did not
 * alert on) on the corpus's test split, which the classifier never saw, and for the record on its
 * dev split, on the frozen round written after the model was frozen, and on the lexicon's older
 * evaluation sets. Prints recall and precision per tier and per category, the harm figure
 * (support notes sent to members who were not in crisis: only the lexicon sends them) and every
 * message it gets wrong.
 *
 * <p>The issue's target on the test split is crisis recall 0.9 and precision 0.8, overall and per
 * tier. The shipped classifier measured recall 0.873 and precision 0.800 there when it was frozen
 * (docs/duty-of-care.md, "Evaluation"): the precision target is met, the recall target is not.
 * The test fails below the precision target and below the recall measured at the freeze, so that
 * no change loses ground unnoticed; it does not pretend the recall target is met.
 */
class TwoStageEvaluationTest {
    /** The issue's targets. */
    static final double TARGET_RECALL = 0.9;
    static final double MIN_PRECISION = 0.8;
    /** Measured on the test split when the classifier was frozen: below the target, kept as a floor. */
    static final double FROZEN_RECALL = 0.87;
    static final double FROZEN_HIGH_RECALL = 0.82;
    static final double FROZEN_CONCERN_PRECISION = 0.76;
    /** Measured on the frozen rounds: the first written after the first classifier, the second after this one. */
    static final double FROZEN_ROUND_RECALL = 0.94;
    static final double FROZEN_ROUND_PRECISION = 0.87;
    static final double FROZEN_ROUND_2_RECALL = 0.95;
    static final double FROZEN_ROUND_2_PRECISION = 0.91;

    /** One message, read by both stages. */
    record Scored(LabelledMessage message, Tier lexicon, Tier model) {
        Tier found() {
            return lexicon != Tier.NONE ? lexicon : model;
        }

        boolean alerted() {
            return found() != Tier.NONE;
        }

        /** The member would have received a support note: only a lexicon match sends one. */
        boolean note() {
            return lexicon != Tier.NONE;
        }

        Tier label() {
            return message.label();
        }
    }

    private static List<Scored> test;
    private static List<Scored> dev;
    private static List<Scored> frozen;
    private static List<Scored> frozenAgain;
    private static List<Scored> lexiconSet;
    private static List<Scored> lexiconHoldout;

    @BeforeAll
    static void score() throws IOException, URISyntaxException {
        CrisisDetector lexicon = CrisisDetector.builtin();
        CrisisClassifier classifier = CrisisClassifier.builtin();
        List<LabelledMessage> corpus = Corpus.readFolder(ClassifierTrainingTest.corpus());
        test = score(lexicon, classifier, corpus.stream().filter(m -> m.split() == LabelledMessage.Split.TEST).toList());
        dev = score(lexicon, classifier, corpus.stream().filter(m -> m.split() == LabelledMessage.Split.DEV).toList());
        frozen = score(lexicon, classifier, Corpus.readResource("/care/frozen-round-en.tsv"));
        frozenAgain = score(lexicon, classifier, Corpus.readResource("/care/frozen-round-2-en.tsv"));
        lexiconSet = score(lexicon, classifier, threeColumns("/care/evaluation-en.tsv"));
        lexiconHoldout = score(lexicon, classifier, threeColumns("/care/evaluation-en-holdout.tsv"));
        System.out.println(report("corpus, test split (never seen in training)", test));
        System.out.println(report("corpus, dev split (chose the thresholds)", dev));
        System.out.println(report("frozen round 1 (written after the first classifier was frozen)", frozen));
        System.out.println(report("frozen round 2 (written after the shipped classifier was frozen)", frozenAgain));
        System.out.println(report("the lexicon's evaluation set (the lexicon was written against it)", lexiconSet));
        System.out.println(report("the lexicon's held-out round 3", lexiconHoldout));
    }

    private static List<Scored> score(CrisisDetector lexicon, CrisisClassifier classifier, List<LabelledMessage> messages) {
        List<Scored> scored = new ArrayList<>();
        for (LabelledMessage message : messages) {
            Tier first = lexicon.detect(message.text()).tier();
            Tier second = first != Tier.NONE ? Tier.NONE
                    : classifier.classify(CachedEncoder.SHARED.encode(message.text())).tier();
            scored.add(new Scored(message, first, second));
        }
        return scored;
    }

    /** The lexicon's sets: label, category, text. */
    private static List<LabelledMessage> threeColumns(String resource) throws IOException {
        List<LabelledMessage> messages = new ArrayList<>();
        try (InputStream in = TwoStageEvaluationTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder tsv = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                tsv.append(columns[0]).append('\t').append(columns[1]).append("\tlexicon-set\t").append(columns[2])
                        .append('\n');
            }
            messages.addAll(Corpus.read(new java.io.StringReader(tsv.toString()), resource));
        }
        return messages;
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    static long count(List<Scored> all, Predicate<Scored> filter) {
        return all.stream().filter(filter).count();
    }

    static double crisisRecall(List<Scored> all) {
        return ratio(count(all, s -> s.message.crisis() && s.alerted()), count(all, s -> s.message.crisis()));
    }

    static double alertPrecision(List<Scored> all) {
        return ratio(count(all, s -> s.message.crisis() && s.alerted()), count(all, Scored::alerted));
    }

    /** Of the messages labelled with this tier, the share alerted at all. */
    static double tierRecall(List<Scored> all, Tier tier) {
        return ratio(count(all, s -> s.label() == tier && s.alerted()), count(all, s -> s.label() == tier));
    }

    /** Of the alerts at this tier, the share on messages labelled as a crisis. */
    static double tierPrecision(List<Scored> all, Tier tier) {
        return ratio(count(all, s -> s.found() == tier && s.message.crisis()), count(all, s -> s.found() == tier));
    }

    static String report(String title, List<Scored> all) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nTwo stages on %s: %d messages%n", title,
                all.size()));
        out.append(String.format(Locale.ROOT, "  crisis (concern+high): recall %.3f (%d of %d), alert precision %.3f"
                        + " (%d of %d)%n", crisisRecall(all), count(all, s -> s.message.crisis() && s.alerted()),
                count(all, s -> s.message.crisis()), alertPrecision(all), count(all, s -> s.message.crisis() && s.alerted()),
                count(all, Scored::alerted)));
        for (Tier tier : List.of(Tier.HIGH, Tier.CONCERN)) {
            out.append(String.format(Locale.ROOT, "  %-7s labelled %4d: alerted %.3f, at this tier %.3f; alerts at this"
                            + " tier %4d, on a crisis %.3f, labelled %s %.3f%n", name(tier), count(all, s -> s.label() == tier),
                    tierRecall(all, tier), ratio(count(all, s -> s.label() == tier && s.found() == tier),
                            count(all, s -> s.label() == tier)), count(all, s -> s.found() == tier),
                    tierPrecision(all, tier), name(tier),
                    ratio(count(all, s -> s.found() == tier && s.label() == tier), count(all, s -> s.found() == tier))));
        }
        long notLabelled = count(all, s -> !s.message.crisis());
        out.append(String.format(Locale.ROOT, "  harm: support notes to members not in crisis %d of %d such messages"
                        + " (%.3f); support notes in all %d; silent model alerts %d, of them on no crisis %d%n",
                count(all, s -> s.note() && !s.message.crisis()), notLabelled,
                ratio(count(all, s -> s.note() && !s.message.crisis()), notLabelled), count(all, Scored::note),
                count(all, s -> s.model != Tier.NONE), count(all, s -> s.model != Tier.NONE && !s.message.crisis())));
        out.append("  by stage: lexicon alone recall ").append(String.format(Locale.ROOT, "%.3f",
                ratio(count(all, s -> s.message.crisis() && s.note()), count(all, s -> s.message.crisis()))));
        out.append("\n  confusion (rows labelled, columns found: none concern high)\n");
        for (Tier label : Tier.values()) {
            out.append(String.format(Locale.ROOT, "    %-7s", name(label)));
            for (Tier found : Tier.values()) {
                out.append(String.format(Locale.ROOT, " %4d", count(all, s -> s.label() == label && s.found() == found)));
            }
            out.append('\n');
        }
        Map<String, long[]> categories = new LinkedHashMap<>();
        for (Scored s : all) {
            long[] c = categories.computeIfAbsent(name(s.label()) + "/" + s.message.category(), k -> new long[2]);
            c[0]++;
            c[1] += s.alerted() == s.message.crisis() ? 1 : 0;
        }
        out.append("  per category (label/category: right about alerting, of total)\n");
        categories.forEach((k, c) -> out.append(String.format(Locale.ROOT, "    %-26s %3d of %3d%n", k, c[1], c[0])));
        out.append("  wrong (alerted or not):\n");
        for (Scored s : all) {
            if (s.alerted() != s.message.crisis()) {
                out.append(String.format(Locale.ROOT, "    labelled %-7s found %-7s by %-7s %s%n", name(s.label()),
                        name(s.found()), s.note() ? "lexicon" : "model", s.message.text()));
            }
        }
        return out.toString();
    }

    private static String name(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    @Test
    void testSplit_keepsPrecision08_andTheRecallMeasuredAtTheFreeze() {
        assertThat(test).hasSizeGreaterThan(300);
        assertThat(alertPrecision(test)).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(crisisRecall(test)).as("the issue's target is " + TARGET_RECALL + "; not met")
                .isGreaterThanOrEqualTo(FROZEN_RECALL);
    }

    @Test
    void testSplit_eachTier_keepsWhatItMeasuredAtTheFreeze() {
        assertThat(tierRecall(test, Tier.CONCERN)).isGreaterThanOrEqualTo(TARGET_RECALL);
        assertThat(tierRecall(test, Tier.HIGH)).as("the issue's target is " + TARGET_RECALL + "; not met")
                .isGreaterThanOrEqualTo(FROZEN_HIGH_RECALL);
        assertThat(tierPrecision(test, Tier.HIGH)).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(tierPrecision(test, Tier.CONCERN)).as("the issue's target is " + MIN_PRECISION + "; not met")
                .isGreaterThanOrEqualTo(FROZEN_CONCERN_PRECISION);
    }

    @Test
    void frozenRounds_keepTheirRecallAndPrecision() {
        assertThat(crisisRecall(frozen)).isGreaterThanOrEqualTo(FROZEN_ROUND_RECALL);
        assertThat(alertPrecision(frozen)).isGreaterThanOrEqualTo(FROZEN_ROUND_PRECISION);
        assertThat(crisisRecall(frozenAgain)).isGreaterThanOrEqualTo(FROZEN_ROUND_2_RECALL);
        assertThat(alertPrecision(frozenAgain)).isGreaterThanOrEqualTo(FROZEN_ROUND_2_PRECISION);
    }
}
