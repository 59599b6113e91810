package dev.haven.server.care.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The lexicon's fixes on sentences written after them ({@code care/lexicon-fixes-en.tsv}: word
 * forms and fillers, misspellings, single quotes, prescribed-dose adherence, explicit denials,
 * pairing across a comma, the dropped "I"), and what a room that holds method detail holds
 * ({@code care/lexicon-hold-en.tsv}). Prints every sentence it gets wrong; fails when a round
 * falls below the figure measured when the lexicon was frozen, and on any held medication talk.
 */
class LexiconFixesTest {
    /** Round 1 after the two changes it led to, and round 2 as first measured (docs/duty-of-care.md). */
    static final int ROUND_1_RIGHT = 38;
    static final int ROUND_2_RIGHT = 26;

    private final CrisisDetector detector = CrisisDetector.builtin();

    private static List<String[]> read(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LexiconFixesTest.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    private int right(List<String[]> rows, String round) {
        int right = 0;
        for (String[] row : rows) {
            if (!row[0].equals(round)) {
                continue;
            }
            Tier found = detector.detect(row[3]).tier();
            if (found.name().toLowerCase(Locale.ROOT).equals(row[2])) {
                right++;
            } else {
                System.out.printf(Locale.ROOT, "  round %s %-10s expected %-7s found %-7s %s%n", row[0], row[1], row[2],
                        found.name().toLowerCase(Locale.ROOT), row[3]);
            }
        }
        return right;
    }

    @Test
    void freshSentences_keepTheFiguresMeasuredWhenTheLexiconWasFrozen() throws IOException {
        List<String[]> rows = read("/care/lexicon-fixes-en.tsv");
        int first = right(rows, "1");
        int second = right(rows, "2");
        System.out.printf(Locale.ROOT, "Lexicon fixes on fresh sentences: round 1 %d of %d, round 2 %d of %d%n", first,
                rows.stream().filter(r -> r[0].equals("1")).count(), second,
                rows.stream().filter(r -> r[0].equals("2")).count());
        assertThat(first).isGreaterThanOrEqualTo(ROUND_1_RIGHT);
        assertThat(second).isGreaterThanOrEqualTo(ROUND_2_RIGHT);
    }

    @Test
    void methodDetail_isHeldOnlyForAFirstPersonIntentAndMethod_neverForMedicationTalk() throws IOException {
        for (String[] row : read("/care/lexicon-hold-en.tsv")) {
            assertThat(detector.detect(row[2]).methodDetail()).as(row[2]).isEqualTo(Boolean.parseBoolean(row[1]));
        }
    }
}
