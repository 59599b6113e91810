package dev.haven.server.care.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {
    private static List<String> scan(PhraseAutomaton automaton, String text) {
        List<String> found = new ArrayList<>();
        automaton.scan(text.toCharArray(), text.length(), (phrase, start, end) -> found.add(text.substring(start, end)));
        return found;
    }

    @Test
    void scan_findsOverlappingAndNestedPhrases_inOnePass() {
        PhraseAutomaton automaton = new PhraseAutomaton(List.of("want to die", "to die", "die", "he"));
        assertThat(scan(automaton, "i want to die")).containsExactly("want to die", "to die", "die");
    }

    @Test
    void scan_matchesWholeWordsOnly() {
        PhraseAutomaton automaton = new PhraseAutomaton(List.of("die", "he"));
        assertThat(scan(automaton, "diet the studied die")).containsExactly("die");
        assertThat(scan(automaton, "he said")).containsExactly("he");
    }

    @Test
    void scan_charactersInNoPhrase_resetTheAutomaton() {
        PhraseAutomaton automaton = new PhraseAutomaton(List.of("end it"));
        assertThat(scan(automaton, "endéit end it")).containsExactly("end it");
    }

    @Test
    void scan_phrasesInOtherScripts_areFound() {
        PhraseAutomaton automaton = new PhraseAutomaton(List.of("quiero morir", "morir"));
        assertThat(scan(automaton, "ya no quiero morir")).containsExactly("quiero morir", "morir");
        assertThat(automaton.states()).isGreaterThan(1);
    }
}
