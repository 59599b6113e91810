package dev.haven.server.care.detect;

/** How worrying a message is, lowest first. */
public enum Tier {
    NONE,
    CONCERN,
    HIGH;

    /** This tier lowered by {@code steps}, never below {@code floor}. */
    Tier lower(int steps, Tier floor) {
        int level = Math.max(ordinal() - steps, floor.ordinal());
        return values()[Math.min(level, ordinal())];
    }

    static Tier max(Tier a, Tier b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
