package dev.haven.client.cli;

import java.io.Reader;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Standard input for a test: lines typed one at a time, then the end of input (Ctrl-D). Reading blocks in between. */
final class TypedInput extends Reader {
    private final BlockingQueue<Optional<String>> typed = new LinkedBlockingQueue<>();
    private String current = "";
    private int position;
    private boolean ended;

    void type(String line) {
        typed.add(Optional.of(line + "\n"));
    }

    void end() {
        typed.add(Optional.empty());
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        while (!ended && position >= current.length()) {
            Optional<String> next;
            try {
                next = typed.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            ended = next.isEmpty();
            current = next.orElse("");
            position = 0;
        }
        if (ended) {
            return -1;
        }
        int count = Math.min(length, current.length() - position);
        current.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
        end();
    }
}
