package dev.haven.client.cli;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the chat session has yet to handle. What came from the server goes before what the user
 * typed: it has already happened, while piped input is read far ahead of the conversation, so
 * an event would otherwise wait behind every line typed before it arrived. Each kind keeps its
 * own order. Any thread may add; one thread, the session's, takes.
 */
final class ChatInbox {
    private static final int FROM_SERVER = 0;
    private static final int FROM_USER = 1;

    private record Entry(ChatInput input, int rank, long order) {
    }

    private final PriorityBlockingQueue<Entry> queue = new PriorityBlockingQueue<>(64,
            Comparator.comparingInt(Entry::rank).thenComparingLong(Entry::order));
    private final AtomicLong arrivals = new AtomicLong();
    /** The entry {@link #take} returned last; used by the taking thread alone. */
    private Entry lastTaken;

    /** A typed line or the end of input. */
    void typed(ChatInput input) {
        queue.add(new Entry(input, FROM_USER, arrivals.incrementAndGet()));
    }

    /** An event or the end of the connection. */
    void received(ChatInput input) {
        queue.add(new Entry(input, FROM_SERVER, arrivals.incrementAndGet()));
    }

    ChatInput take() throws InterruptedException {
        lastTaken = queue.take();
        return lastTaken.input();
    }

    /** Puts what {@link #take} returned last back where it was, for the main loop to handle. */
    void putBack() {
        queue.add(lastTaken);
    }

    /** The next entry if it is an event of this room, without waiting; else null. */
    ChatInput.Event pollEvent(String roomId) {
        Entry head = queue.peek();
        if (head != null && head.input() instanceof ChatInput.Event event && event.isAbout(roomId)) {
            queue.poll();
            return event;
        }
        return null;
    }
}
