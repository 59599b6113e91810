package dev.haven.server.care.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a message into sentence embeddings: unit-length vectors in which messages that mean
 * similar things lie close together. The second stage's classifier reads them. Implementations
 * are thread-safe.
 */
public interface SentenceEncoder {
    /** The model's name, for the start-up log and the classifier file (which must match it). */
    String name();

    int dimension();

    /**
     * The message's embeddings: one for a message of ordinary length, one per window of a long
     * one (so that a crisis at the end of a long message is read as closely as one at its start),
     * each of {@link #dimension()} numbers.
     */
    float[][] encode(String text);

    /**
     * Several messages at once, in order: what {@link #encode} gives for each, possibly faster
     * (a model may read short messages as one batch).
     */
    default List<float[][]> encodeAll(List<String> texts) {
        List<float[][]> all = new ArrayList<>(texts.size());
        for (String text : texts) {
            all.add(encode(text));
        }
        return all;
    }
}
