package dev.haven.server.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A round of store calls run again and again on a scheduler (lease renewals, heartbeats). The
 * next round starts a period after the previous one finished, or gave up after {@code timeout},
 * so rounds against a slow store never pile up.
 */
final class Periodic {
    private Periodic() {
    }

    static ScheduledFuture<?> every(ScheduledExecutorService scheduler, Duration period, Duration firstAfter,
                                    Duration timeout, Supplier<CompletableFuture<?>> round, Logger log, String what) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.debug("{} failed: {}", what, e.getClass().getSimpleName());
            }
        }, firstAfter.toMillis(), Math.max(1, period.toMillis()), TimeUnit.MILLISECONDS);
    }
}
