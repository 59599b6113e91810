package dev.haven.server.care.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fillers, respellings and one-letter slips, with a small made-up set of forms. */
class WordFormsTest {
    private final WordForms forms = new WordForms(new Lexicon.Forms(List.of("just", "realy", "to be honest"),
            Map.of("tonite", "tonight", "my self", "myself", "til", "until", "self delete", "kil myself"),
            List.of("suicidal", "suicide", "myself", "tonight")));

    private String read(String text) {
        return forms.apply(TextNormalizer.normalize(text)).joined();
    }

    @Test
    void fillers_areDropped_alsoSeveralWords() {
        assertThat(read("I just really want to die")).isEqualTo("i want to die");
        assertThat(read("to be honest I want to die")).isEqualTo("i want to die");
    }

    @Test
    void respellings_areReadAsTheirWord_alsoAcrossWords() {
        assertThat(read("going to do it tonite")).isEqualTo("going to do it tonight");
        assertThat(read("hurting my self til I bled")).isEqualTo("hurting myself until i bled");
        assertThat(read("I want to self delete")).isEqualTo("i want to kil myself");
    }

    @Test
    void aOneLetterSlip_ofADistinctiveWord_isReadAsIt() {
        assertThat(read("feeling sucidal")).as("a letter left out").isEqualTo("feling suicidal");
        assertThat(read("feeling suicidel")).as("a letter changed: the same length wins").isEqualTo("feling suicidal");
        assertThat(read("hurt myslef")).as("neighbours swapped").isEqualTo("hurt myself");
        assertThat(read("tonnight")).as("squeezed first").isEqualTo("tonight");
        assertThat(read("the survey is in")).as("a different first letter, or two slips").isEqualTo("the survey is in");
        assertThat(read("a sucide note")).isEqualTo("a suicide note");
    }

    @Test
    void aMessageWithNothingToChange_isReturnedAsItIs() {
        NormalizedText text = TextNormalizer.normalize("hello everyone, nice to see you");
        assertThat(forms.apply(text)).isSameAs(text);
    }

    @Test
    void rebuilding_keepsClausesSentencesAndQuotes() {
        NormalizedText text = forms.apply(TextNormalizer.normalize("she said \"just tonite\". I am fine, realy"));
        assertThat(text.joined()).isEqualTo("she said tonight i am fine");
        assertThat(text.quoted(2)).isTrue();
        assertThat(text.sentence(2)).isZero();
        assertThat(text.sentence(3)).isEqualTo(1);
        assertThat(text.quoted(3)).isFalse();
    }

    @Test
    void oneSlipApart_countsExactlyOneEdit() {
        char[] anchor = "suicidal".toCharArray();
        assertThat(slip("suicidal", anchor)).isFalse();
        assertThat(slip("suicidl", anchor)).isTrue();
        assertThat(slip("suicidall", anchor)).isTrue();
        assertThat(slip("suicidla", anchor)).isTrue();
        assertThat(slip("siucidla", anchor)).isFalse();
        assertThat(slip("suicide", anchor)).as("a letter changed and one dropped").isFalse();
    }

    private static boolean slip(String word, char[] anchor) {
        return WordForms.oneSlipApart(word.toCharArray(), 0, word.length(), anchor);
    }
}
