package dev.haven.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackOnlyTest {
    @Test
    void check_loopbackUrls_areAccepted() {
        assertThat(LoopbackOnly.check(URI.create("ws://127.0.0.1:8090/ws"))).isNotNull();
        assertThat(LoopbackOnly.check(URI.create("ws://127.0.0.2:8090/ws"))).isNotNull();
        assertThat(LoopbackOnly.check(URI.create("ws://localhost:8090/ws"))).isNotNull();
        assertThat(LoopbackOnly.check(URI.create("ws://[::1]:8090/ws"))).isNotNull();
    }

    @Test
    void check_otherAddresses_areRefused() {
        assertThatThrownBy(() -> LoopbackOnly.check(URI.create("ws://10.0.0.5:8090/ws")))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoopbackOnly.check(URI.create("ws://192.168.1.1/ws")))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoopbackOnly.check(URI.create("ws://example.org/ws")))
                .hasMessageContaining("localhost");
        assertThatThrownBy(() -> LoopbackOnly.check(URI.create("wss://127.0.0.1/ws")))
                .hasMessageContaining("ws://");
    }

    @Test
    void run_nonLoopbackUrl_exitsWithUsageError() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = BenchMain.run(new String[] {"fanout", "--url", "ws://10.1.2.3:8090/ws"},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("loopback");
    }
}
