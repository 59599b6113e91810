package dev.haven.server.care.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped encoder: unit-length embeddings, the same read alone or in a batch, long messages in windows. */
class OnnxSentenceEncoderTest {
    private final OnnxSentenceEncoder encoder = OnnxSentenceEncoder.shared();

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    @Test
    void encode_givesOneUnitVectorPerWindow_andTheSameEveryTime() {
        float[][] once = encoder.encode("I can't see a way forward");
        assertThat(once).hasNumberOfRows(1);
        assertThat(once[0]).hasSize(384);
        assertThat(dot(once[0], once[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(encoder.encode("I can't see a way forward")[0]).containsExactly(once[0]);
        assertThat(encoder.encode("word ".repeat(600))).as("600 words: three windows of 256 pieces").hasNumberOfRows(3);
    }

    /**
     * Nearly the same: the model quantizes its activations with one scale per batch, so a message
     * read in a batch comes out a little different from the same message read alone (on the
     * corpus, 79 of 3,340 verdicts change in batches of 16, as many one way as the other).
     */
    @Test
    void encodeAll_readsShortMessagesAsOneBatch_withNearlyTheEmbeddingsOfAlone() {
        List<String> texts = List.of("hello everyone", "I can't see a way forward anymore",
                "my cat knocked the plant over again this morning, what a start", "word ".repeat(300));
        List<float[][]> batch = encoder.encodeAll(texts);
        assertThat(batch).hasSize(4);
        for (int i = 0; i < texts.size(); i++) {
            float[][] alone = encoder.encode(texts.get(i));
            assertThat(batch.get(i)).hasNumberOfRows(alone.length);
            assertThat(dot(batch.get(i)[0], alone[0])).as(texts.get(i)).isGreaterThan(0.99);
        }
    }
}
