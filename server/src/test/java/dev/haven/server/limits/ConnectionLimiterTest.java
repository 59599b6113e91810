package dev.haven.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.limits.ConnectionLimiter.Admission;
import dev.haven.server.limits.ConnectionLimiter.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
    @Test
    void tryAcquire_pastThePerAddressLimit_isAddressFullWhileOtherAddressesGetIn() {
        ConnectionLimiter limiter = new ConnectionLimiter(2, 10);
        assertThat(limiter.tryAcquire("192.0.2.1").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(limiter.tryAcquire("192.0.2.1").outcome()).isEqualTo(Outcome.ACCEPTED);

        Admission third = limiter.tryAcquire("192.0.2.1");

        assertThat(third.outcome()).isEqualTo(Outcome.ADDRESS_FULL);
        assertThat(third.permit()).isNull();
        assertThat(limiter.tryAcquire("2001:db8::1").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(limiter.open()).isEqualTo(3);
        assertThat(limiter.openFrom("192.0.2.1")).isEqualTo(2);
    }

    @Test
    void tryAcquire_pastTheTotal_isServerFullForEveryAddress() {
        ConnectionLimiter limiter = new ConnectionLimiter(100, 3);
        for (int i = 1; i <= 3; i++) {
            assertThat(limiter.tryAcquire("192.0.2." + i).outcome()).isEqualTo(Outcome.ACCEPTED);
        }

        assertThat(limiter.tryAcquire("192.0.2.9").outcome()).isEqualTo(Outcome.SERVER_FULL);
        assertThat(limiter.open()).isEqualTo(3);
    }

    @Test
    void release_givesThePlaceBackOnceAndForgetsEmptyAddresses() {
        ConnectionLimiter limiter = new ConnectionLimiter(1, 1);
        Admission first = limiter.tryAcquire("192.0.2.1");

        first.permit().release();
        first.permit().release();

        assertThat(limiter.open()).isZero();
        assertThat(limiter.openFrom("192.0.2.1")).isZero();
        assertThat(limiter.tryAcquire("192.0.2.1").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(limiter.tryAcquire("192.0.2.2").outcome()).isEqualTo(Outcome.SERVER_FULL);
    }

    @Test
    void tryAcquire_fromManyThreadsAtOnce_neverOvershoots() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(50, 120);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String address = "192.0.2." + (t % 2);
                results.add(pool.submit(() -> {
                    int accepted = 0;
                    for (int i = 0; i < 100; i++) {
                        if (limiter.tryAcquire(address).permit() != null) {
                            accepted++;
                        }
                    }
                    return accepted;
                }));
            }
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get(10, TimeUnit.SECONDS);
            }

            assertThat(accepted).isEqualTo(100);
            assertThat(limiter.openFrom("192.0.2.0")).isEqualTo(50);
            assertThat(limiter.openFrom("192.0.2.1")).isEqualTo(50);
            assertThat(limiter.open()).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }
}
