package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.testing.AttackProbe;
import dev.haven.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue #12: one keep-alive connection sending {@code GET /app.js} again and
 * again without reading a byte. Requests are answered one at a time from shared bytes, and a
 * client with too many waiting is closed, so the server's memory stays flat while a bystander
 * chats on and newcomers keep joining, during the attack and after it.
 */
class HttpPipeliningFloodTest {
    /** What the attack may cost: heap kept after a GC, and direct memory taken. */
    private static final AttackProbe.Bound BOUND = new AttackProbe.Bound(32L << 20, 16L << 20);
    private static final Duration ATTACK = Duration.ofSeconds(10);

    @Test
    void pipelinedRequests_fromAClientThatNeverReads_areClosedWhileMemoryStaysBoundedAndOthersChat() throws Exception {
        try (TestServer server = TestServer.start()) {
            AttackProbe.Report report = AttackProbe.run(server, HttpPipeliningFloodTest::pipeline, ATTACK, BOUND);

            assertThat(report.attackerConnections()).as("%s", report).isGreaterThan(1);
        }
    }

    /** Writes batches of 256 pipelined requests for the page's script until the server closes the socket. */
    private static void pipeline(int port, AtomicBoolean stop, AttackProbe.SocketHolder holder) throws IOException {
        Socket socket = new Socket();
        holder.set(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = socket.getOutputStream();
        byte[] batch = "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(256).getBytes(StandardCharsets.US_ASCII);
        while (!stop.get()) {
            out.write(batch);
        }
    }
}
