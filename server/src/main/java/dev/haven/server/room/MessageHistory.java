package dev.haven.server.room;

import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A room's recent messages, bounded in count, in bytes of text (UTF-8, a content warning's
 * words included) and in age, in memory only: whichever bound is reached first drops the
 * oldest messages. Not thread-safe: it belongs to its room and is used on the room's executor
 * alone.
 *
 * <p>It also remembers which {@code clientId} each user had accepted, for exactly as long as the
 * message is within the held history (a deleted message's id is remembered as long as it would
 * have been held), so a retried {@code send} is answered with the first message's seq instead of
 * being delivered twice. That memory is bounded like the history: by count (twice the message
 * bound, for deleted messages) and by age.
 */
final class MessageHistory {
    private final ArrayDeque<MessageEvent> messages = new ArrayDeque<>();
    /** user id + clientId of the messages that had one, oldest first. */
    private final LinkedHashMap<String, Accepted> clientIds = new LinkedHashMap<>();
    private final int maxMessages;
    private final long maxBytes;
    private final long maxAgeMillis;
    private final Clock clock;
    /** The text bytes of the messages held. */
    private long bytes;
    /** The highest seq dropped by the count, size or age bound; catch-up from before it has a gap. */
    private long droppedThrough;
    private Forgetting forgetting = Forgetting.NONE;

    /** Told of deletions and purges, so that a durable copy of the history follows ({@link DurableSend}). */
    interface Forgetting {
        Forgetting NONE = new Forgetting() {
            @Override
            public void deleted(long seq) {
            }

            @Override
            public void purged() {
            }
        };

        void deleted(long seq);

        void purged();
    }

    MessageHistory(int maxMessages, long maxBytes, Duration maxAge, Clock clock) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    private record Accepted(long seq, long ts) {
    }

    void onForget(Forgetting listener) {
        this.forgetting = listener;
    }

    /** A history taken up from a journal: catch-up from before {@code seq} has a gap. */
    void droppedThrough(long seq) {
        droppedThrough = Math.max(droppedThrough, seq);
    }

    void append(MessageEvent message) {
        messages.addLast(message);
        bytes += sizeOf(message);
        if (message.clientId() != null) {
            clientIds.put(clientKey(message.from().id(), message.clientId()), new Accepted(message.seq(), message.ts()));
        }
        while (messages.size() > maxMessages || bytes > maxBytes) {
            dropOldest();
        }
        expire();
    }

    /** Drops messages older than the age bound, so their text does not linger in memory. */
    void expire() {
        long oldestKept = clock.millis() - maxAgeMillis;
        while (!messages.isEmpty() && messages.peekFirst().ts() < oldestKept) {
            dropOldest();
        }
        Iterator<Accepted> oldestFirst = clientIds.values().iterator();
        while (oldestFirst.hasNext()) {
            Accepted accepted = oldestFirst.next();
            if (accepted.seq() > droppedThrough && accepted.ts() >= oldestKept
                    && clientIds.size() <= 2 * maxMessages) {
                break;
            }
            oldestFirst.remove();
        }
    }

    /**
     * The seq of the message this user already had accepted with this {@code clientId}, while it
     * is within the held history; null when there is none (then the send is a new message).
     */
    Long acceptedSeq(String userId, String clientId) {
        if (clientId == null) {
            return null;
        }
        expire();
        Accepted accepted = clientIds.get(clientKey(userId, clientId));
        return accepted == null ? null : accepted.seq();
    }

    private static String clientKey(String userId, String clientId) {
        return userId + '\n' + clientId;
    }

    /** How many clientIds are remembered; for tests of the bounds. */
    int rememberedClientIds() {
        return clientIds.size();
    }

    private void dropOldest() {
        MessageEvent oldest = messages.removeFirst();
        bytes -= sizeOf(oldest);
        droppedThrough = oldest.seq();
    }

    /** The UTF-8 bytes of what a message holds that people wrote. */
    static long sizeOf(MessageEvent message) {
        long size = utf8Length(message.text());
        if (message.cw() != null && message.cw().text() != null) {
            size += utf8Length(message.cw().text());
        }
        return size;
    }

    private static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** The text bytes held now. */
    long bytes() {
        return bytes;
    }

    /** Every held message. */
    List<MessageEvent> all() {
        expire();
        return List.copyOf(messages);
    }

    /** The held messages after {@code seq}, oldest first. */
    List<MessageEvent> after(long seq) {
        expire();
        List<MessageEvent> result = new ArrayList<>();
        Iterator<MessageEvent> newestFirst = messages.descendingIterator();
        while (newestFirst.hasNext()) {
            MessageEvent message = newestFirst.next();
            if (message.seq() <= seq) {
                break;
            }
            result.add(message);
        }
        Collections.reverse(result);
        return result;
    }

    /** The held message with this seq, or null. */
    MessageEvent find(long seq) {
        for (MessageEvent message : messages) {
            if (message.seq() == seq) {
                return message;
            }
        }
        return null;
    }

    /** Gives the held messages of one author its new name; they keep their place and seq. */
    void rename(String userId, UserInfo author) {
        for (int i = messages.size(); i > 0; i--) {
            MessageEvent message = messages.removeFirst();
            messages.addLast(message.from().id().equals(userId)
                    ? new MessageEvent(message.room(), message.seq(), author, message.text(), message.ts(),
                            message.clientId(), message.cw())
                    : message);
        }
    }

    /** Removes a deleted message; a deletion is not a gap. */
    void delete(long seq) {
        forgetting.deleted(seq);
        messages.removeIf(message -> {
            if (message.seq() == seq) {
                bytes -= sizeOf(message);
                return true;
            }
            return false;
        });
    }

    /**
     * Forgets every message, as the close of a session does. A purge is not a gap: catch-up
     * from any seq before it finds nothing and reports no gap.
     */
    long maxAgeMillis() {
        return maxAgeMillis;
    }

    void purge() {
        messages.clear();
        bytes = 0;
        clientIds.clear();
        droppedThrough = 0;
        forgetting.purged();
    }

    /**
     * The room starts again after a restart at {@code seq}: the messages it held were in memory,
     * so catch-up from before {@code seq} has a gap.
     */
    /**
     * What was dropped is exactly through {@code seq}: a cluster's log says so when the room is
     * taken over, over what the kept seq implied for a lone node ({@link #lostThrough}).
     */
    void droppedExactlyThrough(long seq) {
        droppedThrough = seq;
    }

    void lostThrough(long seq) {
        droppedThrough = Math.max(droppedThrough, seq);
    }

    /** Whether messages after {@code seq} were dropped by the bounds. */
    boolean hasGapAfter(long seq) {
        return seq < droppedThrough;
    }

    int size() {
        return messages.size();
    }
}
