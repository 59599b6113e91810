package dev.haven.server.care;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alert ids unique in the server and across its restarts ({@code alert-3f9c-17}): a client that
 * acknowledges an alert it saw before a restart gets {@code not_found}, never someone else's
 * alert. Thread-safe.
 */
public final class AlertIds {
    private final String prefix;
    private final AtomicLong next = new AtomicLong();

    public AlertIds() {
        byte[] random = new byte[2];
        new SecureRandom().nextBytes(random);
        this.prefix = "alert-" + HexFormat.of().formatHex(random) + "-";
    }

    public String next() {
        return prefix + next.incrementAndGet();
    }
}
