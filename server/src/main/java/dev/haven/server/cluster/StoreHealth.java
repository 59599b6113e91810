package dev.haven.server.cluster;

import java.util.function.Consumer;

/**
 * Whether the shared store answers. While it does not, requests that need it are answered
 * {@code unavailable} with {@link #retryAfterMillis()}, open connections stay, and
 * {@code /healthz} says {@code degraded}; it comes back by itself.
 */
public interface StoreHealth {
    boolean up();

    /** What an {@code unavailable} reply tells the client to wait before trying again. */
    long retryAfterMillis();

    /** Called with the new state each time it changes, on an arbitrary thread. */
    void onChange(Consumer<Boolean> listener);
}
