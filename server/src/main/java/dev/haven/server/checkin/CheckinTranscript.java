package dev.haven.server.checkin;

import dev.haven.protocol.server.CheckinMessage;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The held messages of one check-in, bounded like a room's history: at most
 * {@code history.maxMessages}, none older than {@code history.maxAgeSeconds}, in memory only.
 * Used on its room's executor alone.
 */
final class CheckinTranscript {
    private final ArrayDeque<CheckinMessage> messages = new ArrayDeque<>();
    private final int maxMessages;
    private final long maxAgeMillis;
    private final Clock clock;
    /** The highest seq dropped by a bound; reading from before it has a gap. */
    private long droppedThrough;

    CheckinTranscript(int maxMessages, long maxAgeMillis, Clock clock) {
        this.maxMessages = maxMessages;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    void append(CheckinMessage message) {
        messages.addLast(message);
        while (messages.size() > maxMessages) {
            droppedThrough = messages.removeFirst().seq();
        }
        expire();
    }

    /** Drops what is past the age bound, so its text does not linger in memory. */
    void expire() {
        long oldestKept = clock.millis() - maxAgeMillis;
        while (!messages.isEmpty() && messages.peekFirst().ts() < oldestKept) {
            droppedThrough = messages.removeFirst().seq();
        }
    }

    /** The held messages after {@code since}, oldest first. */
    List<CheckinMessage> after(long since) {
        expire();
        List<CheckinMessage> result = new ArrayList<>(messages.size());
        for (CheckinMessage message : messages) {
            if (message.seq() > since) {
                result.add(message);
            }
        }
        return result;
    }

    boolean hasGapAfter(long since) {
        return since < droppedThrough;
    }

    /** The held message this user sent with this client id, or null. */
    CheckinMessage sentBefore(String userId, String clientId) {
        for (CheckinMessage message : messages) {
            if (clientId.equals(message.clientId()) && userId.equals(message.from().id())) {
                return message;
            }
        }
        return null;
    }

    void clear() {
        messages.clear();
    }
}
