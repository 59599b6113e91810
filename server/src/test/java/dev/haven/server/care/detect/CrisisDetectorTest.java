package dev.haven.server.care.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detector's rules, one by one, with the built-in lexicon. */
class CrisisDetectorTest {
    private final CrisisDetector detector = CrisisDetector.builtin();

    private Tier tier(String text) {
        return detector.detect(text).tier();
    }

    @Test
    void plainIdeation_isConcern_andIntentIsHigh() {
        assertThat(tier("I want to die")).isEqualTo(Tier.CONCERN);
        assertThat(tier("I'm going to kill myself")).isEqualTo(Tier.HIGH);
    }

    @Test
    void aTimeOrAPlan_raisesIdeationToHigh_inTheSameSentenceOnly() {
        assertThat(tier("I want to die tonight")).isEqualTo(Tier.HIGH);
        assertThat(tier("I'm suicidal and I have a plan")).isEqualTo(Tier.HIGH);
        assertThat(tier("I want to die. Tonight is movie night")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void negation_lowersHighToConcern_butNeverDropsAMatch() {
        assertThat(tier("I'm not going to kill myself")).isEqualTo(Tier.CONCERN);
        assertThat(tier("I don't want to die")).isEqualTo(Tier.CONCERN);
        assertThat(tier("I'm not suicidal")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void negationBeyondFiveWordsOrAClauseBreak_changesNothing() {
        assertThat(tier("not sure why but I'm going to kill myself")).isEqualTo(Tier.HIGH);
        assertThat(tier("I'm not okay, I'm going to kill myself")).isEqualTo(Tier.HIGH);
    }

    @Test
    void anotherPerson_lowersAPhraseThatNamesNoOne() {
        assertThat(tier("my sister is suicidal")).isEqualTo(Tier.NONE);
        assertThat(tier("she wants to die")).isEqualTo(Tier.NONE);
        assertThat(tier("do you want to die?")).isEqualTo(Tier.NONE);
        assertThat(tier("she said I want to die")).as("I is nearer than she").isEqualTo(Tier.CONCERN);
    }

    @Test
    void anotherPerson_doesNotChangeAPhraseAboutTheWriter() {
        assertThat(tier("they would be better off without me")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void fictionQuotesAndThePast_lowerOneStep() {
        assertThat(tier("the song goes \"I want to die\"")).isEqualTo(Tier.NONE);
        assertThat(tier("in the movie she wants to die")).isEqualTo(Tier.NONE);
        assertThat(tier("years ago I wanted to die")).isEqualTo(Tier.NONE);
    }

    @Test
    void hypotheticalAndConditional_lowerHighToConcern() {
        assertThat(tier("hypothetically I want to kill myself")).isEqualTo(Tier.CONCERN);
        assertThat(tier("I'd kill myself if they made me do that again")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void anIncidentalWordInTheSentence_cancelsTheMatch() {
        assertThat(tier("I cut myself cooking")).isEqualTo(Tier.NONE);
        assertThat(tier("I cut myself")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void anEverydayIdiom_silencesTheWordsInsideIt() {
        assertThat(tier("I'm dying to see it")).isEqualTo(Tier.NONE);
        assertThat(tier("I want to die my hair blue")).isEqualTo(Tier.NONE);
        assertThat(tier("I'm going to kill myself laughing")).isEqualTo(Tier.NONE);
    }

    @Test
    void aMethodWord_countsOnlyWithASelfReferenceAndReadying() {
        assertThat(detector.detect("I bought a rope and I'm going to use it")).isEqualTo(new Detection(Tier.HIGH, true));
        assertThat(tier("I bought a rope")).as("bought is readying").isEqualTo(Tier.HIGH);
        assertThat(tier("the rope swing was fun")).as("no self-reference").isEqualTo(Tier.NONE);
        assertThat(tier("I love the bridge in our town")).as("no readying").isEqualTo(Tier.NONE);
    }

    @Test
    void anEverydayMethodWord_needsAStrongReadyingWord() {
        assertThat(tier("I'm going to take my pills and go to bed")).isEqualTo(Tier.NONE);
        assertThat(detector.detect("I've been stockpiling my pills")).isEqualTo(new Detection(Tier.HIGH, true));
    }

    @Test
    void aMethodWordWithAnotherMatch_isHigh_withMethodDetailOnlyBesideIntent() {
        assertThat(detector.detect("I want to die, I have the knife here")).isEqualTo(new Detection(Tier.HIGH, false));
        assertThat(detector.detect("I want to die, I'm going to use the knife tonight"))
                .isEqualTo(new Detection(Tier.HIGH, true));
    }

    @Test
    void methodPhrase_carriesMethodDetail_unlessLowered() {
        assertThat(detector.detect("I'm going to hang myself")).isEqualTo(new Detection(Tier.HIGH, true));
        assertThat(detector.detect("I'm not going to hang myself")).isEqualTo(new Detection(Tier.CONCERN, false));
        assertThat(detector.detect("I'm going to kill myself")).isEqualTo(new Detection(Tier.HIGH, false));
    }

    @Test
    void conceptsTogether_countWhenTheSentenceIsAboutTheWriter() {
        assertThat(tier("I've decided I'm not going to be alive next week")).isEqualTo(Tier.HIGH);
        assertThat(tier("I wouldn't mind if I got hit by a bus")).isEqualTo(Tier.CONCERN);
        assertThat(tier("my grandpa says he's ready to die")).isEqualTo(Tier.NONE);
        assertThat(tier("life is pointless and I want out")).isEqualTo(Tier.CONCERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k1ll mys3lf tonight", "I'M GOING TO KILL MYSELF", "im gonna kms", "I'm going to k\u200Bill myself",
        "Ｉ'ｍ ｇｏｉｎｇ ｔｏ ｋｉｌｌ ｍｙｓｅｌｆ", "i'm goooing to kiiiill myseeelf"})
    void disguisedWords_areFound(String text) {
        assertThat(tier(text)).isEqualTo(Tier.HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello everyone", "988 Suicide & Crisis Lifeline: call or text 988, 24/7",
        "Samaritans: call 116 123, free, any time", "Text HOME to 741741 (Crisis Text Line)",
        "Find A Helpline: https://findahelpline.com", "This exam is killing me", "my phone is dying"})
    void everydayAndResourceText_findsNothing(String text) {
        assertThat(detector.detect(text)).isEqualTo(Detection.NONE);
    }

    @Test
    void detect_null_findsNothing() {
        assertThat(detector.detect(null)).isEqualTo(Detection.NONE);
    }

    @Test
    void aLexiconFile_replacesTheBuiltInOne_andLanguagesMerge(@TempDir Path dir) throws IOException {
        Path spanish = dir.resolve("es.yaml");
        Files.writeString(spanish, """
                language: es
                phrases:
                  - group: ideacion
                    tier: concern
                    words: ["{quiero|quisiera} morir", "no quiero vivir"]
                  - group: intencion
                    tier: high
                    words: ["me voy a matar"]
                cues:
                  negation: ["no"]
                """);
        CrisisDetector onlySpanish = CrisisDetector.load(List.of(spanish.toString()));
        assertThat(onlySpanish.detect("quiero morir").tier()).isEqualTo(Tier.CONCERN);
        assertThat(onlySpanish.detect("esta noche me voy a matar").tier()).isEqualTo(Tier.HIGH);
        assertThat(onlySpanish.detect("I want to die").tier()).isEqualTo(Tier.NONE);
        CrisisDetector both = CrisisDetector.load(List.of("builtin:en", spanish.toString()));
        assertThat(both.detect("I want to die").tier()).isEqualTo(Tier.CONCERN);
        assertThat(both.detect("no quiero vivir").tier()).isEqualTo(Tier.CONCERN);
        assertThat(both.sources()).hasSize(2);
    }

    @Test
    void load_badLexicons_failWithAMessageNamingTheProblem(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> CrisisDetector.load(List.of("builtin:xx"))).hasMessageContaining("no built-in lexicon");
        assertThatThrownBy(() -> CrisisDetector.load(List.of(dir.resolve("missing.yaml").toString())))
                .hasMessageContaining("does not exist");
        Path noTier = dir.resolve("bad.yaml");
        Files.writeString(noTier, "phrases:\n  - group: g\n    words: [x]\n");
        assertThatThrownBy(() -> CrisisDetector.load(List.of(noTier.toString()))).hasMessageContaining("needs a tier");
        Path unclosed = dir.resolve("unclosed.yaml");
        Files.writeString(unclosed, "phrases:\n  - group: g\n    tier: high\n    words: [\"{a|b\"]\n");
        assertThatThrownBy(() -> CrisisDetector.load(List.of(unclosed.toString()))).hasMessageContaining("unclosed");
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "phrases:\n  - group: g\n    tier: high\n    words: [x]\ncues:\n  negations: [not]\n");
        assertThatThrownBy(() -> CrisisDetector.load(List.of(typo.toString()))).hasMessageContaining("unknown cue list");
        Path unknownKey = dir.resolve("key.yaml");
        Files.writeString(unknownKey, "phrase: []\n");
        assertThatThrownBy(() -> CrisisDetector.load(List.of(unknownKey.toString()))).hasMessageContaining("not valid");
    }

    @Test
    void expand_alternativesAndOptions_giveEveryPhraseOnce() {
        assertThat(LexiconLoader.expand("{take|end} my [own] life", "test"))
                .containsExactlyInAnyOrder("take my own life", "take my life", "end my own life", "end my life");
        assertThat(LexiconLoader.expand("{a|{b|c} d}", "test")).containsExactly("a", "b d", "c d");
    }

    @Test
    void fillersWordFormsAndSlips_meetTheLexicon() {
        assertThat(tier("I just really really want to die")).isEqualTo(Tier.CONCERN);
        assertThat(tier("no reasons to live")).isEqualTo(Tier.CONCERN);
        assertThat(tier("going to kill my self tonite")).isEqualTo(Tier.HIGH);
        assertThat(tier("feeling sucidal")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void singleQuotes_areQuotation() {
        assertThat(tier("the lyric goes 'I want to die'")).isEqualTo(Tier.NONE);
        assertThat(tier("I'm so tired and I don't want to live")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void takingPrescribedDoses_isNoMethod_unlessStockpilingOrIntentWithATime() {
        assertThat(detector.detect("took all my meds this morning like the doctor said")).isEqualTo(Detection.NONE);
        assertThat(detector.detect("the pharmacy gave me 2 months of meds at once")).isEqualTo(Detection.NONE);
        assertThat(tier("I've been saving my prescription pills")).isEqualTo(Tier.HIGH);
        assertThat(detector.detect("I'm going to take all my prescribed pills tonight"))
                .isEqualTo(new Detection(Tier.HIGH, true));
    }

    @Test
    void anExplicitDenialWithAnOrdinaryLowMood_isNoAlert_butAnotherMatchStillIs() {
        assertThat(tier("I'm not suicidal, just sad")).isEqualTo(Tier.NONE);
        assertThat(tier("I'm not going to kill myself, I'm just exhausted")).isEqualTo(Tier.NONE);
        assertThat(tier("I'm not suicidal")).as("a bare denial is still worth a look").isEqualTo(Tier.CONCERN);
        assertThat(tier("I'm not suicidal, just sad, and I wish I was dead")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void aMethodAndItsReadyingWord_pairAcrossAComma_andWithoutTheI() {
        assertThat(tier("the rope is ready, I'm going to use it")).isEqualTo(Tier.HIGH);
        assertThat(tier("bought a rope today")).isEqualTo(Tier.HIGH);
        assertThat(tier("bought a rope swing for the kids")).isEqualTo(Tier.NONE);
        assertThat(tier("he bought a rope")).as("someone else is named").isEqualTo(Tier.NONE);
    }

    @Test
    void aRecoveryStory_lowersWhatItTellsInThePast() {
        assertThat(tier("as a teen I was suicidal, I'm so glad I'm still here")).isEqualTo(Tier.NONE);
        assertThat(tier("I was suicidal last week")).isEqualTo(Tier.CONCERN);
    }

    @Test
    void methodDetail_onlyWhereIntentAndMethodMeetInTheWritersOwnStatement() {
        assertThat(detector.detect("took all my meds this morning like the doctor said").methodDetail()).isFalse();
        assertThat(detector.detect("going to use the rope tonight")).as("no I, no me, no myself")
                .isEqualTo(new Detection(Tier.HIGH, false));
        assertThat(detector.detect("I'm going to hang myself tonight").methodDetail()).isTrue();
        assertThat(detector.detect("I'm going to take all my pills with dinner").methodDetail()).isFalse();
    }

    @Test
    void detection_neverHoldsTheText() {
        Detection detection = detector.detect("I want to die tonight");
        assertThat(detection.toString()).doesNotContain("die").doesNotContain("tonight");
    }
}
