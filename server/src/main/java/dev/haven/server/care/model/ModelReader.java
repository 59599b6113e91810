package dev.haven.server.care.model;

import dev.haven.server.care.detect.Tier;
import java.util.ArrayList;
import java.util.List;

/** The second stage's model: a sentence encoder and the classifier trained on its embeddings. */
public final class ModelReader implements SecondStage.Reader {
    private final SentenceEncoder encoder;
    private final CrisisClassifier classifier;

    /**
     * @throws ModelUnavailableException when the classifier was trained on another encoder
     */
    public ModelReader(SentenceEncoder encoder, CrisisClassifier classifier) {
        if (!classifier.encoder().equals(encoder.name()) || classifier.dimension() != encoder.dimension()) {
            throw new ModelUnavailableException("the crisis classifier was trained on " + classifier.encoder()
                    + " embeddings, not on " + encoder.name() + "'s");
        }
        this.encoder = encoder;
        this.classifier = classifier;
    }

    @Override
    public Tier read(String text) {
        return classifier.classify(encoder.encode(text)).tier();
    }

    @Override
    public List<Tier> readAll(List<String> texts) {
        List<float[][]> embeddings = encoder.encodeAll(texts);
        List<Tier> tiers = new ArrayList<>(texts.size());
        for (float[][] embedding : embeddings) {
            tiers.add(classifier.classify(embedding).tier());
        }
        return tiers;
    }
}
