package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many members sending at once still see one identical, gapless sequence. */
class OrderingTest {
    private static final int SENDERS = 8;
    private static final int MESSAGES_EACH = 500;
    private static final int WATCHERS = 2;

    @Test
    void send_eightConcurrentSenders_everyMemberSeesTheSameGaplessSequence() throws Exception {
        int total = SENDERS * MESSAGES_EACH;
        // Rate limits raised: this test is about order under load, not about flood control.
        LimitSettings unlimited = new LimitSettings(4000, 65536, 100_000, 100_000, 100_000, 100_000, 100_000);
        try (TestServer server = TestServer.start(TestServer.config(200).withLimits(unlimited))) {
            List<TestClient> clients = new ArrayList<>();
            for (int i = 0; i < SENDERS + WATCHERS; i++) {
                TestClient client = TestClient.guest(server.port(), "member" + i);
                assertThat(client.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText())
                        .isEqualTo("ok");
                clients.add(client);
            }
            ExecutorService pool = Executors.newFixedThreadPool(2 * SENDERS + WATCHERS);
            try {
                List<CompletableFuture<List<String>>> seen = new ArrayList<>();
                for (TestClient client : clients) {
                    seen.add(CompletableFuture.supplyAsync(() -> collectMessages(client, total), pool));
                }
                for (int s = 0; s < SENDERS; s++) {
                    TestClient sender = clients.get(s);
                    int senderNo = s;
                    pool.execute(() -> {
                        for (int m = 0; m < MESSAGES_EACH; m++) {
                            sender.sendRaw("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"s" + senderNo + "-m" + m
                                    + "\"}");
                        }
                    });
                }
                List<String> reference = seen.get(0).get(60, TimeUnit.SECONDS);
                assertThat(reference).hasSize(total);
                for (int s = 0; s < SENDERS; s++) {
                    List<String> fromSender = new ArrayList<>();
                    for (String entry : reference) {
                        if (entry.contains("|s" + s + "-")) {
                            fromSender.add(entry.substring(entry.indexOf('|') + 1));
                        }
                    }
                    assertThat(fromSender).as("sender %d's messages in its own order", s).hasSize(MESSAGES_EACH);
                    for (int m = 0; m < MESSAGES_EACH; m++) {
                        assertThat(fromSender.get(m)).isEqualTo("s" + s + "-m" + m);
                    }
                }
                for (int i = 1; i < seen.size(); i++) {
                    assertThat(seen.get(i).get(60, TimeUnit.SECONDS)).as("member %d", i).isEqualTo(reference);
                }
            } finally {
                pool.shutdownNow();
                clients.forEach(TestClient::close);
            }
        }
    }

    @Test
    void join_whileOthersSend_replyComesBeforeAnyLaterEventAndHistoryMeetsTheStream() throws Exception {
        LimitSettings unlimited = new LimitSettings(4000, 65536, 100_000, 100_000, 100_000, 100_000, 100_000);
        try (TestServer server = TestServer.start(TestServer.config(200).withLimits(unlimited))) {
            List<TestClient> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestClient sender = TestClient.guest(server.port(), "sender" + i);
                sender.request("{\"type\":\"join\",\"room\":\"lounge\"}");
                senders.add(sender);
            }
            ExecutorService pool = Executors.newFixedThreadPool(senders.size());
            java.util.concurrent.atomic.AtomicBoolean pumping = new java.util.concurrent.atomic.AtomicBoolean(true);
            try {
                for (TestClient sender : senders) {
                    pool.execute(() -> {
                        for (int m = 0; m < 5000 && pumping.get(); m++) {
                            sender.sendRaw("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"pump " + m + "\"}");
                        }
                    });
                }
                for (int round = 0; round < 20; round++) {
                    try (TestClient joiner = TestClient.guest(server.port(), "joiner" + round)) {
                        joiner.sendRaw("{\"id\":\"j\",\"type\":\"join\",\"room\":\"lounge\"}");
                        JsonNode first = joiner.nextFrame();
                        assertThat(first.path("type").asText()).as("round %d: first frame after join", round)
                                .isEqualTo("ok");
                        long seq = first.path("seq").asLong();
                        for (int i = 0; i < 20; i++) {
                            JsonNode next = joiner.nextFrame();
                            if ("message".equals(next.path("type").asText())) {
                                assertThat(next.path("seq").asLong()).as("round %d: stream continues history", round)
                                        .isEqualTo(++seq);
                            }
                        }
                    }
                }
            } finally {
                pumping.set(false);
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                senders.forEach(TestClient::close);
            }
        }
    }

    /** Reads this member's message events until it has {@code count}, checking seq is gapless from 1. */
    private static List<String> collectMessages(TestClient client, int count) {
        List<String> messages = new ArrayList<>(count);
        while (messages.size() < count) {
            JsonNode frame;
            try {
                frame = client.nextFrame();
            } catch (AssertionError e) {
                throw new AssertionError("stuck after " + messages.size() + " of " + count + " messages", e);
            }
            if (!"message".equals(frame.path("type").asText())) {
                continue;
            }
            long seq = frame.path("seq").asLong();
            assertThat(seq).as("seq after %d messages", messages.size()).isEqualTo(messages.size() + 1);
            messages.add(seq + "|" + frame.path("text").asText());
        }
        return messages;
    }
}
