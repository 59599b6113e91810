package dev.haven.server.care.model;

import dev.haven.server.care.detect.Tier;
import java.util.zip.CRC32;

/**
 * One invented message of the crisis corpus: its label, its category (what kind of message it
 * is, e.g. {@code plan} or {@code recovery}), its wording family (variants of one wording share
 * it, and so share a split) and its text.
 */
public record LabelledMessage(Tier label, String category, String family, String text) {
    /** Which part of the corpus a family belongs to: the same, from its name alone, everywhere. */
    public enum Split { TRAIN, DEV, TEST }

    /**
     * Train, dev or test, 70/15/15, by a checksum of the family's name: every variant of a
     * wording lands in the same split, so the dev and test figures are measured on wordings the
     * classifier never saw, not on a second spelling of a sentence it learned.
     */
    public Split split() {
        CRC32 crc = new CRC32();
        crc.update(family.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long bucket = crc.getValue() % 20;
        return bucket < 14 ? Split.TRAIN : bucket < 17 ? Split.DEV : Split.TEST;
    }

    public boolean crisis() {
        return label != Tier.NONE;
    }
}
