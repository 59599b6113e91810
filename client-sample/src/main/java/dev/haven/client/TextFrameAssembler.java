package dev.haven.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives from the JDK's WebSocket and hands on whole text messages: the JDK may deliver one
 * message in several parts ({@code last == false}). The JDK calls these methods one at a time,
 * so the buffer needs no lock. Asks for one more delivery after each, so reading never stalls;
 * pings are answered with pongs by the JDK itself.
 */
final class TextFrameAssembler implements WebSocket.Listener {
    /**
     * A guard against a runaway peer, well above what a Haven server sends. Its largest frame is
     * a {@code join} reply with the full history: with the default limits 200 messages of at
     * most 4000 code points, each at most 2 chars once JSON-escaped or a surrogate pair, plus
     * under 1 Ki chars of envelope (ids, name, clientId), about 1.8 Mi chars. 16 Mi chars leaves
     * room for a server keeping about 1,800 such messages, or a long member list.
     */
    static final int MAX_MESSAGE_CHARS = 16 * 1024 * 1024;

    /**
     * Reported, as a connection lost (1006), when a server message passes the guard: not 1009,
     * which would say this client sent something too big and must not retry. A later
     * connection may well get smaller replies (a catch-up with {@code since}).
     */
    static final String TOO_BIG_REASON = "a message from the server was too big";

    private final Consumer<String> messages;
    private final BiConsumer<Integer, String> closed;
    private final StringBuilder partial = new StringBuilder();

    /**
     * @param messages receives each whole text message
     * @param closed   receives the close code and reason, once per connection at most
     */
    TextFrameAssembler(Consumer<String> messages, BiConsumer<Integer, String> closed) {
        this.messages = messages;
        this.closed = closed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if ((long) partial.length() + data.length() > MAX_MESSAGE_CHARS) {
            partial.setLength(0);
            closed.accept(HavenClient.ABNORMAL_CLOSURE, TOO_BIG_REASON);
            webSocket.abort();
            return null;
        }
        try {
            if (last && partial.length() == 0) {
                messages.accept(data.toString());
            } else {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    messages.accept(message);
                }
            }
        } finally {
            // Whatever became of this message, keep reading.
            webSocket.request(1);
        }
        return null;
    }

    /** Binary frames are not part of the protocol; skipped. */
    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.accept(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.accept(HavenClient.ABNORMAL_CLOSURE, "connection lost (" + error.getClass().getSimpleName() + ")");
    }
}
