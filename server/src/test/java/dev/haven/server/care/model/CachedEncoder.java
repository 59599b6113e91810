package dev.haven.server.care.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped encoder, remembering what it read: the training and evaluation tests read the same
 * corpus in one JVM, and the model reads each message once.
 */
final class CachedEncoder implements SentenceEncoder {
    static final CachedEncoder SHARED = new CachedEncoder(OnnxSentenceEncoder.shared());

    private final SentenceEncoder encoder;
    private final Map<String, float[][]> read = new ConcurrentHashMap<>();

    private CachedEncoder(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return encoder.name();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[][] encode(String text) {
        return read.computeIfAbsent(text, encoder::encode);
    }
}
