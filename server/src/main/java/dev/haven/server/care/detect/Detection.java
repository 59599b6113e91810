package dev.haven.server.care.detect;

/**
 * What the detector found in one message: a tier, and whether the message describes a method
 * at the high tier. Deliberately holds nothing of the text or the words that matched.
 */
public record Detection(Tier tier, boolean methodDetail) {
    public static final Detection NONE = new Detection(Tier.NONE, false);

    public Detection {
        methodDetail = methodDetail && tier == Tier.HIGH;
    }

    public boolean found() {
        return tier != Tier.NONE;
    }
}
