package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.haven.client.testing.HavenTestServer;
import dev.haven.client.testing.LoopbackProxy;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.CheckinOutcome;
import dev.haven.protocol.model.CheckinState;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconnecting client finds its private check-ins again, against a real server, through a
 * relay the test breaks: Fran checks in with Robin; Robin loses the connection while Fran goes
 * on writing, and comes back to exactly what he missed, then the live messages.
 */
class CheckinReconnectTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String LOUNGE = HavenTestServer.LOUNGE;

    /** What Robin's client told. */
    private static final class Told implements ReconnectListener {
        final List<CheckinEvent> checkins = new CopyOnWriteArrayList<>();
        final List<CheckinMessage> messages = new CopyOnWriteArrayList<>();
        final List<CheckinInfo> ended = new CopyOnWriteArrayList<>();
        final List<String> lost = new CopyOnWriteArrayList<>();
        final List<String> reconnected = new CopyOnWriteArrayList<>();

        @Override
        public void onCheckin(CheckinEvent checkin) {
            checkins.add(checkin);
        }

        @Override
        public void onCheckinMessage(CheckinMessage message) {
            messages.add(message);
        }

        @Override
        public void onCheckinEnded(CheckinInfo lastSeen) {
            ended.add(lastSeen);
        }

        @Override
        public void onConnectionLost(int code, String reason) {
            lost.add(code + " " + reason);
        }

        @Override
        public void onReconnected(dev.haven.protocol.server.HelloResult hello) {
            reconnected.add(hello.user().id());
        }

        List<String> texts() {
            return messages.stream().map(CheckinMessage::text).toList();
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final HavenTestServer server = HavenTestServer.start();
    private final LoopbackProxy network = LoopbackProxy.to(server.port());
    private final Told robin = new Told();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        network.close();
        server.stop();
    }

    @Test
    void robinComesBack_toExactlyTheCheckinMessagesSentMeanwhile_onceAndInOrder_thenLiveOnes() throws Exception {
        ReconnectingClient robinsClient = robinInTheLounge();
        HavenClient fran = franInTheLounge();
        String id = get(fran.checkinOpen(LOUNGE, "mem-robin", null)).checkin().id();
        get(fran.checkinSend(id, "Hi Robin, how are you?"));
        get(robinsClient.checkinSend(id, "not great"));
        await().atMost(TIMEOUT).until(() -> robin.messages.size() == 2);
        assertThat(robin.checkins).singleElement().extracting(c -> c.checkin().id()).isEqualTo(id);

        network.goDown();
        await().atMost(TIMEOUT).until(() -> !robin.lost.isEmpty());
        get(fran.checkinSend(id, "while away 3"));
        get(fran.checkinSend(id, "while away 4"));
        network.comeBack();
        await().atMost(TIMEOUT).until(() -> robin.messages.size() == 4);
        get(fran.checkinSend(id, "live 5"));

        await().atMost(TIMEOUT).until(() -> robin.messages.size() >= 5);
        assertThat(robin.texts()).containsExactly("Hi Robin, how are you?", "not great", "while away 3",
                "while away 4", "live 5");
        assertThat(robin.messages).extracting(CheckinMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(robin.ended).isEmpty();
        assertThat(get(robinsClient.checkins()).checkins()).extracting(CheckinInfo::id).containsExactly(id);
    }

    @Test
    void aCheckinEndedWhileRobinWasAway_isReportedOnReturn_andTheNextOneReachesHim() throws Exception {
        ReconnectingClient robinsClient = robinInTheLounge();
        HavenClient fran = franInTheLounge();
        String first = get(fran.checkinOpen(LOUNGE, "mem-robin", null)).checkin().id();
        await().atMost(TIMEOUT).until(() -> robin.checkins.size() == 1);

        network.goDown();
        await().atMost(TIMEOUT).until(() -> !robin.lost.isEmpty());
        get(fran.checkinClose(first, CheckinOutcome.NO_REPLY));
        network.comeBack();

        await().atMost(TIMEOUT).until(() -> robin.ended.size() == 1);
        assertThat(robin.ended).singleElement().extracting(CheckinInfo::id).isEqualTo(first);
        await().atMost(TIMEOUT).until(robinsClient::isConnected);
        // Robin is back in the room once his rejoin is answered; until then he cannot be checked in with.
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> get(fran.checkinOpen(LOUNGE, "mem-robin", null)) != null);
        await().atMost(TIMEOUT).until(() -> robin.checkins.size() == 2);
        assertThat(robin.checkins.get(1).checkin().id()).isNotEqualTo(first);
        assertThat(robin.checkins.get(1).checkin().state()).isEqualTo(CheckinState.OPEN);
    }

    private ReconnectingClient robinInTheLounge() throws Exception {
        ReconnectingClient client = ReconnectingClient.builder(network.url(),
                        new Hello(null, server.token("mem-robin", "Robin", Role.MEMBER), null))
                .listener(robin).policy(HavenTestServer.FAST_RECONNECT).build();
        toClose.add(client);
        get(client.start());
        get(client.join(LOUNGE, null));
        return client;
    }

    private HavenClient franInTheLounge() throws Exception {
        HavenClient fran = get(HavenClient.connect(server.url(), new RecordingListener()));
        toClose.add(fran);
        get(fran.hello(new Hello(null, server.token("fac-fran", "Fran", Role.FACILITATOR), null)));
        get(fran.join(LOUNGE, null));
        return fran;
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
