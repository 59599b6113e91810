package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Removal and bans while the room is busy: once the facilitator has its {@code ok}, nothing
 * more of the room reaches any connection of the member it took out.
 */
class ModerationRemovalTest {
    private static final int SENDERS = 4;
    /** Messages the facilitator sees before it removes, and again after its ok, so traffic surrounds the removal. */
    private static final int TRAFFIC_AROUND_REMOVAL = 1000;

    private TestServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        // Rate limits raised: this test is about removal under load, not about flood control.
        LimitSettings unlimited = new LimitSettings(4000, 65536, 100_000, 100_000, 100_000, 100_000, 100_000);
        server = TestServer.start(TestServer.config(200).withLimits(unlimited));
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        server.close();
    }

    private TestClient connect(String id, String name, Role role) {
        TestClient client = TestClient.withToken(server.port(), server.token(id, name, role));
        clients.add(client);
        return client;
    }

    private static JsonNode ok(TestClient client, String json) {
        JsonNode reply = client.request(json.replace('\'', '"'));
        assertThat(reply.path("type").asText()).as("reply to %s: %s", json, reply).isEqualTo("ok");
        return reply;
    }

    private static boolean isNotice(JsonNode frame, String kind) {
        return frame.path("type").asText().equals("notice") && frame.path("kind").asText().equals(kind);
    }

    /** Everything queued for the client so far, in arrival order, after a round trip. */
    private static List<JsonNode> settle(TestClient client) {
        client.request("{\"type\":\"ping\"}");
        return client.drainReceived();
    }

    /**
     * The frames after the one {@code kind} notice, checking there is exactly one; what came
     * before it goes to {@code before}.
     */
    private static List<JsonNode> afterNotice(List<JsonNode> frames, String kind, List<JsonNode> before) {
        int at = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (isNotice(frames.get(i), kind)) {
                assertThat(at).as("a second %s notice at frame %d", kind, i).isEqualTo(-1);
                at = i;
            }
        }
        assertThat(at).as("the %s notice arrived", kind).isNotNegative();
        before.addAll(frames.subList(0, at));
        return frames.subList(at + 1, frames.size());
    }

    @Test
    void remove_underConcurrentTraffic_removedMemberGetsNoMessageAfterItsNotice() throws Exception {
        TestClient fac = connect("fac-1", "Fran", Role.FACILITATOR);
        ok(fac, "{'type':'join','room':'lounge'}");
        // The member to remove pumps messages like the others, and has an idle second connection.
        List<TestClient> senders = new ArrayList<>();
        senders.add(connect("m-target", "Tess", Role.MEMBER));
        for (int s = 1; s < SENDERS; s++) {
            senders.add(connect("m-sender-" + s, "Sender " + s, Role.MEMBER));
        }
        TestClient targetIdle = connect("m-target", "Tess", Role.MEMBER);
        for (TestClient client : senders) {
            ok(client, "{'type':'join','room':'lounge'}");
        }
        ok(targetIdle, "{'type':'join','room':'lounge'}");

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<CompletableFuture<Integer>> pumps = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                TestClient sender = senders.get(s);
                int senderNo = s;
                pumps.add(CompletableFuture.supplyAsync(() -> pump(sender, senderNo, stop), pool));
            }

            for (int i = 0; i < TRAFFIC_AROUND_REMOVAL; i++) {
                fac.awaitType("message");
            }
            ok(fac, "{'type':'remove','room':'lounge','user':'m-target','reason':'a break'}");
            fac.drainReceived();
            long lastSeenByFacilitator = 0;
            for (int i = 0; i < TRAFFIC_AROUND_REMOVAL; i++) {
                lastSeenByFacilitator = fac.awaitType("message").path("seq").asLong();
            }
            stop.set(true);
            for (CompletableFuture<Integer> pump : pumps) {
                assertThat(pump.get(30, TimeUnit.SECONDS)).isPositive();
            }

            for (TestClient connection : List.of(senders.get(0), targetIdle)) {
                List<JsonNode> before = new ArrayList<>();
                List<JsonNode> after = afterNotice(settle(connection), "removed", before);
                assertThat(after).as("frames of the room after the removed notice")
                        .noneMatch(f -> "lounge".equals(f.path("room").asText(null)));
                List<Long> seqs = before.stream().filter(f -> f.path("type").asText().equals("message"))
                        .map(f -> f.path("seq").asLong()).toList();
                assertThat(seqs).as("messages before the removal").isNotEmpty();
                assertThat(seqs.get(seqs.size() - 1)).isLessThan(lastSeenByFacilitator);
            }
            JsonNode present = ok(fac, "{'type':'join','room':'lounge'}");
            assertThat(present.path("members").findValuesAsText("id")).doesNotContain("m-target");
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /** Sends until told to stop, a round trip every 20 messages so the server is not buried. */
    private static int pump(TestClient sender, int senderNo, AtomicBoolean stop) {
        int sent = 0;
        while (!stop.get()) {
            sender.sendRaw("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"s" + senderNo + "-m" + sent + "\"}");
            sent++;
            if (sent % 20 == 0) {
                sender.request("{\"type\":\"ping\"}");
            }
        }
        return sent;
    }

    @Test
    void ban_userConnectedTwice_bothConnectionsAreToldAndOutAndRejoiningIsRefused() {
        TestClient fac = connect("fac-1", "Fran", Role.FACILITATOR);
        TestClient other = connect("m-other", "Olive", Role.MEMBER);
        TestClient phone = connect("m-dual", "Dee", Role.MEMBER);
        TestClient laptop = connect("m-dual", "Dee", Role.MEMBER);
        for (TestClient client : List.of(fac, other, phone, laptop)) {
            ok(client, "{'type':'join','room':'lounge'}");
        }

        ok(fac, "{'type':'ban','room':'lounge','user':'m-dual','reason':'harm'}");
        ok(other, "{'type':'send','room':'lounge','text':'after the ban'}");

        for (TestClient connection : List.of(phone, laptop)) {
            List<JsonNode> after = afterNotice(settle(connection), "banned", new ArrayList<>());
            assertThat(after).as("frames of the room after the banned notice")
                    .noneMatch(f -> "lounge".equals(f.path("room").asText(null)));
            JsonNode refused = connection.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            assertThat(refused.path("code").asText()).isEqualTo("banned");
        }
        TestClient third = connect("m-dual", "Dee", Role.MEMBER);
        assertThat(third.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("code").asText()).isEqualTo("banned");
        List<JsonNode> seenByOther = settle(other);
        assertThat(seenByOther).filteredOn(f -> f.path("type").asText().equals("presence"))
                .extracting(f -> f.path("event").asText() + ":" + f.path("member").path("id").asText())
                .contains("leave:m-dual");
        assertThat(seenByOther).noneMatch(f -> f.path("type").asText().equals("notice"));
    }
}
