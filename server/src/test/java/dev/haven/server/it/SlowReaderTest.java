package dev.haven.server.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.testing.RawSocket;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import dev.haven.server.testing.WsWire;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A member who stops reading: its outbound queue fills, it is closed with 1008 "slow" and
 * leaves the room at once, while everyone else keeps receiving every message, promptly.
 */
class SlowReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 10;
    private static final int MAX_MESSAGES = 4000;
    private static final Duration MAX_TIME = Duration.ofSeconds(60);

    @Test
    void member_whoStopsReading_isClosedSlowWhileOthersGetEveryMessage() throws IOException {
        // The queue holds several batches, so a member who reads, but late on a busy machine, is
        // never mistaken for the one who stopped; the one who stopped still fills it within MAX_MESSAGES.
        HavenConfig config = TestServer.config(20)
                .withLimits(new LimitSettings(4000, 65536, 100_000, 100_000, 100_000, 100_000, 100_000)
                        .withOutboundQueueBytes(256 * 1024));
        try (TestServer server = TestServer.start(config);
             TestClient sender = TestClient.guest(server.port(), "Sender");
             TestClient alex = TestClient.guest(server.port(), "Alex");
             TestClient sam = TestClient.guest(server.port(), "Sam");
             RawSocket slow = RawSocket.open(server.port(), 4096).upgrade()) {
            for (TestClient member : List.of(sender, alex, sam)) {
                assertThat(member.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");
            }
            String slowId = helloAndJoin(slow);
            alex.await(f -> isPresence(f, "join", slowId));
            sam.await(f -> isPresence(f, "join", slowId));

            // The slow member reads nothing from here on, while the sender talks on.
            String text = "w".repeat(3900);
            List<Long> seqs = new ArrayList<>();
            List<Long> samSeqs = new ArrayList<>();
            long started = System.nanoTime();
            long worstLagNanos = 0;
            boolean slowLeft = false;
            while (!slowLeft && seqs.size() < MAX_MESSAGES
                    && System.nanoTime() - started < MAX_TIME.toNanos()) {
                for (int i = 0; i < BATCH; i++) {
                    sender.sendRaw("{\"id\":\"m" + (seqs.size() + i) + "\",\"type\":\"send\",\"room\":\"lounge\","
                            + "\"text\":\"" + text + "\"}");
                }
                for (int i = 0; i < BATCH; i++) {
                    JsonNode ok = sender.awaitReply("m" + (seqs.size()));
                    assertThat(ok.path("type").asText()).as("reply %s", ok).isEqualTo("ok");
                    seqs.add(ok.path("seq").asLong());
                }
                long lastSeq = seqs.get(seqs.size() - 1);
                long batchDone = System.nanoTime();
                alex.await(f -> isMessage(f, lastSeq));
                samSeqs.add(sam.await(f -> isMessage(f, lastSeq)).path("seq").asLong());
                worstLagNanos = Math.max(worstLagNanos, System.nanoTime() - batchDone);
                slowLeft = alex.drainReceived().stream().anyMatch(f -> isPresence(f, "leave", slowId));
            }

            assertThat(slowLeft).as("the slow member left the room after %d messages", seqs.size()).isTrue();
            assertThat(Duration.ofNanos(worstLagNanos)).as("the others' worst lag behind the sender")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(readUntilClose(slow)).isEqualTo("1008 slow");
            for (JsonNode frame : sam.drainReceived()) {
                if ("message".equals(frame.path("type").asText())) {
                    samSeqs.add(frame.path("seq").asLong());
                }
            }
            assertThat(samSeqs).as("every message, once").containsExactlyInAnyOrderElementsOf(seqs);
            assertThat(sam.request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
            assertThat(server.server().connections()).isEqualTo(3);
        }
    }

    private static String helloAndJoin(RawSocket raw) throws IOException {
        raw.write(WsWire.clientText("{\"id\":\"h\",\"type\":\"hello\",\"name\":\"Slow\"}"));
        JsonNode hello = JSON.readTree(raw.nextFrame().text());
        assertThat(hello.path("type").asText()).isEqualTo("ok");
        raw.write(WsWire.clientText("{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}"));
        for (int i = 0; i < 100; i++) {
            JsonNode frame = JSON.readTree(raw.nextFrame().text());
            if ("j".equals(frame.path("id").asText())) {
                assertThat(frame.path("type").asText()).isEqualTo("ok");
                return hello.path("user").path("id").asText();
            }
        }
        throw new AssertionError("no join reply");
    }

    /** Reads the slow member's backlog to its end: the close frame's code and reason. */
    private static String readUntilClose(RawSocket raw) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int i = 0; i < 100_000 && System.nanoTime() < deadline; i++) {
            WsWire.Frame frame = raw.nextFrame();
            if (frame.isClose()) {
                return frame.closeCode() + " " + new String(frame.payload(), 2, frame.payload().length - 2, UTF_8);
            }
        }
        throw new AssertionError("no close frame");
    }

    private static boolean isMessage(JsonNode frame, long seq) {
        return "message".equals(frame.path("type").asText()) && frame.path("seq").asLong() == seq;
    }

    private static boolean isPresence(JsonNode frame, String event, String userId) {
        return "presence".equals(frame.path("type").asText()) && event.equals(frame.path("event").asText())
                && userId.equals(frame.path("member").path("id").asText());
    }
}
