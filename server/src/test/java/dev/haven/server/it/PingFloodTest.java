package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.testing.AttackProbe;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue #12: a client that opens a WebSocket, then sends pings as fast as it can
 * and never reads. Pings have a budget like other frames and at most one pong waits for a
 * peer, so the server closes the flooder and its memory stays flat, while a bystander chats on
 * and newcomers keep joining, during the attack and after it.
 */
class PingFloodTest {
    /** What the attack may cost: heap kept after a GC, and direct memory taken (a 125-byte pong is all a flooder may hold). */
    private static final AttackProbe.Bound BOUND = new AttackProbe.Bound(32L << 20, 16L << 20);
    private static final Duration ATTACK = Duration.ofSeconds(10);

    @Test
    void pingFlood_fromAClientThatNeverReads_isClosedWhileMemoryStaysBoundedAndOthersChat() throws Exception {
        try (TestServer server = TestServer.start()) {
            AttackProbe.Report report = AttackProbe.run(server, PingFloodTest::floodPings, ATTACK, BOUND);

            assertThat(report.attackerConnections()).as("%s", report).isGreaterThan(1);
        }
    }

    /** Upgrades, then writes pings in 64 KiB batches until the server closes the socket. */
    private static void floodPings(int port, java.util.concurrent.atomic.AtomicBoolean stop,
                                   AttackProbe.SocketHolder holder) throws IOException {
        Socket socket = new Socket();
        holder.set(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] batch = pings(512);
        while (!stop.get()) {
            out.write(batch);
        }
    }

    private static byte[] pings(int count) {
        byte[] one = WsWire.clientFrame(0x80 | WsWire.PING, "p".repeat(125).getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream batch = new ByteArrayOutputStream(one.length * count);
        for (int i = 0; i < count; i++) {
            batch.writeBytes(one);
        }
        return batch.toByteArray();
    }
}
