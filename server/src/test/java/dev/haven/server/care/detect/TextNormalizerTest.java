package dev.haven.server.care.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private static String normalized(String text) {
        return TextNormalizer.normalize(text).joined();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I WANT to Die|i want to die",
        "Ｉ ｗａｎｔ ｔｏ ｄｉｅ|i want to die",
        "𝐝𝐢𝐞|die",
        "d\u200Bi\u200De\uFEFF|die",
        "di\u00ADe|die",
        "diiiiie|die",
        "killlll|kil",
        "kill|kil",
        "k1ll mys3lf|kil myself",
        "su1c1d@l|suicidal",
        "d!e|die",
        "die!|die",
        "don't won’t I'm|dont wont im",
        "self-harm|self harm",
        "s u i c i d a l|suicidal",
        "dіe|die",
        "988 and 116 123|988 and 116 123",
    })
    void normalize_foldsWhatHidesAWord(String text, String expected) {
        assertThat(normalized(text)).isEqualTo(expected);
    }

    @Test
    void normalize_numbersWithoutLetters_stayNumbers() {
        assertThat(normalized("call 741741 or 13 11 14")).isEqualTo("cal 741741 or 13 11 14");
    }

    @Test
    void normalize_punctuationStartsClauses_andOnlyFullStopsAndTheirLikeStartSentences() {
        NormalizedText text = TextNormalizer.normalize("I'm fine. Really, I am");
        assertThat(text.joined()).isEqualTo("im fine realy i am");
        assertThat(text.clause(0)).isZero();
        assertThat(text.clause(1)).isZero();
        assertThat(text.clause(2)).isEqualTo(1);
        assertThat(text.clause(3)).isEqualTo(2);
        assertThat(text.clause(4)).isEqualTo(2);
        assertThat(text.sentence(1)).isZero();
        assertThat(text.sentence(2)).isEqualTo(1);
        assertThat(text.sentence(4)).as("a comma ends a clause, not a sentence").isEqualTo(1);
    }

    @Test
    void normalize_singleQuotes_quoteTheWordsBetweenThem_apostrophesInOrAfterAWordDoNot() {
        NormalizedText quoted = TextNormalizer.normalize("she said 'I want to die' and laughed");
        assertThat(quoted.joined()).isEqualTo("she said i want to die and laughed");
        assertThat(quoted.quoted(1)).isFalse();
        assertThat(quoted.quoted(2)).isTrue();
        assertThat(quoted.quoted(5)).isTrue();
        assertThat(quoted.quoted(6)).isFalse();
        NormalizedText contractions = TextNormalizer.normalize("I don't know, the kids' toys are 'cause of it");
        for (int t = 0; t < contractions.tokenCount; t++) {
            assertThat(contractions.quoted(t)).as(contractions.token(t)).isFalse();
        }
        assertThat(contractions.joined()).isEqualTo("i dont know the kids toys are cause of it");
    }

    @Test
    void normalize_wordsInClosedQuotes_areQuoted_anUnclosedQuoteQuotesNothing() {
        NormalizedText closed = TextNormalizer.normalize("she sang \u201cI want to die\u201d loudly");
        assertThat(closed.quoted(1)).isFalse();
        assertThat(closed.quoted(2)).isTrue();
        assertThat(closed.quoted(5)).isTrue();
        assertThat(closed.quoted(6)).isFalse();
        NormalizedText stray = TextNormalizer.normalize("I want to die \"");
        for (int t = 0; t < stray.tokenCount; t++) {
            assertThat(stray.quoted(t)).isFalse();
        }
    }

    @Test
    void normalize_tokenAt_findsTheWordOfAnOffset() {
        NormalizedText text = TextNormalizer.normalize("one two three");
        assertThat(text.tokenAt(0)).isZero();
        assertThat(text.tokenAt(4)).isEqualTo(1);
        assertThat(text.tokenAt(text.length - 1)).isEqualTo(2);
        assertThat(text.token(2)).isEqualTo("thre");
    }

    @Test
    void normalize_emptyAndPunctuationOnly_haveNoWords() {
        assertThat(TextNormalizer.normalize("").tokenCount).isZero();
        assertThat(TextNormalizer.normalize("!?… 😊").tokenCount).isZero();
    }
}
