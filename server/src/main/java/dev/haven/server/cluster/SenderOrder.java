package dev.haven.server.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * What an inbox has seen of each sender: every message carries its sender's counter for this
 * inbox (1, 2, 3, ...), so a message seen twice is dropped and a missing one is noticed. Used by
 * the inbox's reader alone, one message at a time.
 */
final class SenderOrder {
    private final Map<NodeId, Long> last = new HashMap<>();

    enum Verdict {
        /** The next one: deliver it. */
        NEXT,
        /** Seen already: drop it. */
        SEEN,
        /** Some before it never arrived: say so, then deliver it. */
        AFTER_GAP
    }

    Verdict accept(NodeId from, long counter) {
        Long previous = last.get(from);
        if (previous != null && counter <= previous) {
            return Verdict.SEEN;
        }
        last.put(from, counter);
        // A sender's first message here may have a counter above 1 only if earlier ones were lost.
        long expected = previous == null ? 1 : previous + 1;
        return counter == expected ? Verdict.NEXT : Verdict.AFTER_GAP;
    }

    /** The sender is gone for good (its node left): its counter need not be kept. */
    void forget(NodeId from) {
        last.remove(from);
    }
}
