package dev.haven.server.care.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.care.detect.CrisisDetector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The training command reproduces the shipped classifier to the byte: the same corpus, the same
 * encoder, the same steps. A change to the corpus, the lexicon (it chooses the thresholds with
 * it) or the training without running the command again fails here.
 */
class ClassifierTrainingTest {
    static Path corpus() throws URISyntaxException {
        return Path.of(ClassifierTrainingTest.class.getResource("/care/corpus").toURI());
    }

    @Test
    void training_reproducesTheShippedWeights() throws IOException, URISyntaxException {
        ClassifierTrainer trainer = new ClassifierTrainer(CachedEncoder.SHARED, CrisisDetector.builtin());
        String trained = trainer.train(Corpus.readFolder(corpus())).toText();
        String shipped;
        try (InputStream in = getClass().getResourceAsStream(CrisisClassifier.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(trained).as("run the training command of docs/duty-of-care.md and commit its output")
                .isEqualTo(shipped);
    }

    @Test
    void theShippedClassifier_readsBackAsWritten() {
        CrisisClassifier shipped = CrisisClassifier.builtin();
        assertThat(shipped.encoder()).isEqualTo(OnnxSentenceEncoder.E5_SMALL_V2_Q.name());
        assertThat(shipped.dimension()).isEqualTo(384);
        assertThat(shipped.alertAt()).isBetween(0.0, 1.0);
        assertThat(shipped.header()).anyMatch(line -> line.startsWith("dev, lexicon then model"));
    }
}
