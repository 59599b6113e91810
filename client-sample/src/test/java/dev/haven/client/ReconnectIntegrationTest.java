package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.haven.client.testing.HavenTestServer;
import dev.haven.client.testing.LoopbackProxy;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.server.MessageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconnecting client against a real server, through a relay the test breaks: Sam loses
 * the connection while Kim goes on talking, and comes back to exactly what it missed.
 */
class ReconnectIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String LOUNGE = HavenTestServer.LOUNGE;

    /** What Sam's client told, for the test to wait on. */
    private static final class Told implements ReconnectListener {
        final List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        final List<CatchUp> catchUps = new CopyOnWriteArrayList<>();
        final List<String> lost = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(MessageEvent message) {
            messages.add(message);
        }

        @Override
        public void onCaughtUp(CatchUp catchUp) {
            catchUps.add(catchUp);
        }

        @Override
        public void onConnectionLost(int code, String reason) {
            lost.add(code + " " + reason);
        }

        List<String> texts() {
            return messages.stream().map(MessageEvent::text).toList();
        }

        List<Long> seqs() {
            return messages.stream().map(MessageEvent::seq).toList();
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private HavenTestServer server = HavenTestServer.start();
    private final LoopbackProxy network = LoopbackProxy.to(server.port());
    private final Told sam = new Told();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        network.close();
        server.stop();
    }

    @Test
    void droppedConnection_bringsBackExactlyTheMessagesSentMeanwhile_onceAndInOrder_thenLiveOnes() throws Exception {
        ReconnectingClient samsClient = samInTheLounge(HavenTestServer.FAST_RECONNECT);
        String samsId = samsClient.user().id();
        HavenClient kim = kimInTheLounge(server);
        say(kim, "one", "two");
        await().atMost(TIMEOUT).until(() -> sam.messages.size() == 2);

        network.goDown();
        await().atMost(TIMEOUT).until(() -> !sam.lost.isEmpty());
        assertThat(samsClient.isConnected()).isFalse();
        say(kim, "while away 3", "while away 4", "while away 5", "while away 6");
        network.comeBack();
        await().atMost(TIMEOUT).until(() -> !sam.catchUps.isEmpty());
        say(kim, "live 7");

        await().atMost(TIMEOUT).until(() -> sam.messages.size() >= 7);
        assertThat(sam.texts()).containsExactly("one", "two", "while away 3", "while away 4", "while away 5",
                "while away 6", "live 7");
        assertThat(sam.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(sam.lost).singleElement().asString().startsWith("1006 ");
        CatchUp catchUp = sam.catchUps.get(0);
        assertThat(catchUp.afterReconnect()).isTrue();
        assertThat(catchUp.missed()).isEqualTo(4);
        assertThat(catchUp.gap()).isFalse();
        assertThat(catchUp.restarted()).isFalse();
        assertThat(samsClient.isConnected()).isTrue();
        assertThat(samsClient.user().id()).as("a guest comes back as the same user, by its resume").isEqualTo(samsId);
    }

    @Test
    void serverRestart_closesWith1001_andTheClientComesBackToTheNewServersHistory() throws Exception {
        samInTheLounge(HavenTestServer.FAST_RECONNECT);
        say(kimInTheLounge(server), "before 1", "before 2", "before 3");
        await().atMost(TIMEOUT).until(() -> sam.messages.size() == 3);

        server.stop();
        await().atMost(TIMEOUT).until(() -> !sam.lost.isEmpty());
        server = HavenTestServer.start();
        network.pointTo(server.port());
        await().atMost(TIMEOUT).until(() -> !sam.catchUps.isEmpty());
        say(kimInTheLounge(server), "after the restart");

        await().atMost(TIMEOUT).until(() -> sam.messages.size() == 4);
        assertThat(sam.lost).containsExactly("1001 server shutting down");
        assertThat(sam.catchUps).singleElement().satisfies(c -> {
            assertThat(c.restarted()).isTrue();
            assertThat(c.missed()).isZero();
        });
        assertThat(sam.texts()).containsExactly("before 1", "before 2", "before 3", "after the restart");
        assertThat(sam.messages.get(3).seq()).isEqualTo(1);
    }

    @Test
    void messagesNoLongerHeld_whenTheClientComesBack_areReportedAsAGap() throws Exception {
        server.stop();
        server = HavenTestServer.withHistoryOf(5);
        network.pointTo(server.port());
        samInTheLounge(HavenTestServer.FAST_RECONNECT);
        HavenClient kim = kimInTheLounge(server);
        say(kim, "m1");
        await().atMost(TIMEOUT).until(() -> sam.messages.size() == 1);

        network.goDown();
        await().atMost(TIMEOUT).until(() -> !sam.lost.isEmpty());
        say(kim, "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        network.comeBack();

        await().atMost(TIMEOUT).until(() -> !sam.catchUps.isEmpty() && sam.messages.size() == 6);
        assertThat(sam.catchUps.get(0).gap()).isTrue();
        assertThat(sam.catchUps.get(0).missed()).isEqualTo(5);
        assertThat(sam.texts()).containsExactly("m1", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void aConnectionThatStopsAnswering_isFoundDeadByItsPings_andMadeAgain() throws Exception {
        ReconnectPolicy quickPings = HavenTestServer.FAST_RECONNECT
                .withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(300));
        samInTheLounge(quickPings);
        HavenClient kim = kimInTheLounge(server);
        say(kim, "one");
        await().atMost(TIMEOUT).until(() -> sam.messages.size() == 1);

        network.blackHole();
        say(kim, "unheard 2", "unheard 3");

        await().atMost(TIMEOUT).until(() -> sam.messages.size() == 3);
        assertThat(sam.lost).singleElement().isEqualTo("1006 no answer from the server within 0.3 s");
        assertThat(sam.texts()).containsExactly("one", "unheard 2", "unheard 3");
        assertThat(sam.catchUps).singleElement().satisfies(c -> assertThat(c.missed()).isEqualTo(2));
    }

    private ReconnectingClient samInTheLounge(ReconnectPolicy policy) throws Exception {
        ReconnectingClient client = ReconnectingClient.builder(network.url(), Hello.guest("Sam"))
                .listener(sam).policy(policy).build();
        toClose.add(client);
        client.start().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        client.join(LOUNGE, null).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return client;
    }

    private HavenClient kimInTheLounge(HavenTestServer at) throws Exception {
        HavenClient kim = HavenClient.connect(at.url(), new RecordingListener()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        toClose.add(kim);
        kim.hello(Hello.guest("Kim")).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        kim.join(LOUNGE, null).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return kim;
    }

    /** Kim sends each line and waits for the server to take it. */
    private static void say(HavenClient kim, String... lines) throws Exception {
        for (String line : lines) {
            kim.send(LOUNGE, line).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
