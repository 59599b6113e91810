package dev.haven.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket that records what is sent, for driving a client without a network. Like the
 * JDK's, it refuses a send while the previous one is still in flight. With {@code holdSends},
 * each send stays in flight until {@link #finishSend} is called.
 */
final class FakeWebSocket implements WebSocket {
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    final AtomicLong requested = new AtomicLong();
    volatile boolean holdSends;
    volatile boolean aborted;
    /** Runs when a close is sent, e.g. to answer it as a server would. */
    volatile Runnable onSendClose = () -> { };
    private volatile CompletableFuture<WebSocket> inFlight = CompletableFuture.completedFuture(this);

    @Override
    public synchronized CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        if (!inFlight.isDone()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Send pending"));
        }
        sent.add(data.toString());
        inFlight = holdSends ? new CompletableFuture<>() : CompletableFuture.completedFuture(this);
        return inFlight;
    }

    void finishSend() {
        inFlight.complete(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
        throw new UnsupportedOperationException("the protocol is text-only");
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public synchronized CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
        if (!inFlight.isDone()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Send pending"));
        }
        closeCodes.add(statusCode);
        onSendClose.run();
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void request(long n) {
        requested.addAndGet(n);
    }

    @Override
    public String getSubprotocol() {
        return "";
    }

    @Override
    public boolean isOutputClosed() {
        return !closeCodes.isEmpty();
    }

    @Override
    public boolean isInputClosed() {
        return aborted;
    }

    @Override
    public void abort() {
        aborted = true;
    }
}
