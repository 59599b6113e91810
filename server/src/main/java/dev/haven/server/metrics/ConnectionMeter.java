package dev.haven.server.metrics;

import dev.haven.protocol.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests refused, by error code ({@code haven_requests_rejected_total{reason}}), and
 * connections closed, by close code ({@code haven_connections_closed_total{code}}; {@code 1006}
 * when the connection ended without a close frame). The labels are the protocol's closed lists
 * of codes; a close code outside them is counted as {@code other}.
 */
public final class ConnectionMeter {
    private final MeterRegistry registry;
    private final Map<ErrorCode, Counter> rejected = new EnumMap<>(ErrorCode.class);
    private final Map<Integer, Counter> closed = new ConcurrentHashMap<>();
    private final Counter closedOther;

    ConnectionMeter(MeterRegistry registry) {
        this.registry = registry;
        for (ErrorCode code : ErrorCode.values()) {
            rejected.put(code, Counter.builder("haven.requests.rejected")
                    .description("Requests answered with an error, by its code")
                    .tag("reason", code.wireName()).register(registry));
        }
        this.closedOther = closedCounter("other");
    }

    public void rejected(ErrorCode code) {
        Counter counter = rejected.get(code);
        if (counter != null) {
            counter.increment();
        }
    }

    /** @param code the close code sent or received first, or 1006 when there was none */
    public void closed(int code) {
        boolean known = code == 1006 || code >= 1000 && code <= 1015 || code >= 4000 && code <= 4099;
        Counter counter = known ? closed.computeIfAbsent(code, c -> closedCounter(Integer.toString(c))) : closedOther;
        counter.increment();
    }

    private Counter closedCounter(String code) {
        return Counter.builder("haven.connections.closed")
                .description("WebSocket connections closed, by close code (1006: without a close frame)")
                .tag("code", code).register(registry);
    }
}
