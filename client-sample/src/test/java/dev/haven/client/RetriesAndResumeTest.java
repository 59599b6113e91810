package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.ScriptedConnections.Connection;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.server.CheckinSendResult;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.SendResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The reconnecting client keeps a guest the same guest (its {@code resume}) and a message one
 * message (its {@code clientId}) across lost connections. A scripted server and a hand-driven
 * clock: no network, no waiting.
 */
class RetriesAndResumeTest {
    private static final String LOUNGE = "lounge";
    private static final String CHECKIN = "ck:lounge:00000000000000a1";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ScriptedConnections server = new ScriptedConnections();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final ReconnectListener listener = new ReconnectListener() {
        @Override
        public void onReconnected(HelloResult hello) {
            told.add("reconnected as " + hello.user().id());
        }

        @Override
        public void onResumeRefused() {
            told.add("resume refused");
        }
    };

    /** Sam, a guest, connected (its hello gave the resume "r-1") and in the lounge. */
    private ReconnectingClient samInTheLounge() throws Exception {
        ReconnectingClient sam = ReconnectingClient.builder(URI.create("ws://haven.test/ws"), Hello.guest("Sam"))
                .listener(listener).scheduler(scheduler).random(ScriptedConnections.LONGEST).connector(server).build();
        CompletableFuture<HelloResult> started = sam.start();
        scheduler.runReady();
        server.latest().helloOk("guest-1", "Sam", "r-1");
        scheduler.runReady();
        assertThat(started.get().user().id()).isEqualTo("guest-1");
        sam.join(LOUNGE, null, true);
        scheduler.runReady();
        server.latest().joinOk(3, false, 1, 2, 3);
        scheduler.runReady();
        return sam;
    }

    /** Drops the connection and waits out the backoff; returns the next connection, before its hello is answered. */
    private Connection dropAndReconnect(Connection lost) {
        int made = server.made.size();
        lost.drop();
        scheduler.runReady();
        for (int step = 0; step < 600 && server.made.size() == made; step++) {
            scheduler.advance(Duration.ofMillis(100));
        }
        assertThat(server.latest()).isNotSameAs(lost);
        return server.latest();
    }

    @Test
    void guest_saysTheResumeOfItsLastHello_onEveryReconnect_andStaysTheSameUser() throws Exception {
        ReconnectingClient sam = samInTheLounge();

        Connection second = dropAndReconnect(server.latest());

        assertThat(second.last("hello").path("resume").asText()).isEqualTo("r-1");
        second.helloOk("guest-1", "Sam", "r-1");
        scheduler.runReady();
        assertThat(sam.user().id()).isEqualTo("guest-1");
        assertThat(told).containsExactly("reconnected as guest-1");
        Connection third = dropAndReconnect(second);
        assertThat(third.last("hello").path("resume").asText()).isEqualTo("r-1");
    }

    @Test
    void resumeRefused_comesBackAtOnceUnderTheName_asANewGuest() throws Exception {
        ReconnectingClient sam = samInTheLounge();
        Connection second = dropAndReconnect(server.latest());

        second.error("hello", "unauthenticated", "the resume is not valid");
        second.closeFromServer(4001, "unauthenticated");
        scheduler.runReady();

        assertThat(server.made).hasSize(3);
        Connection third = server.latest();
        assertThat(third.last("hello").has("resume")).isFalse();
        assertThat(third.last("hello").path("name").asText()).isEqualTo("Sam");
        third.helloOk("guest-2", "Sam", "r-2");
        scheduler.runReady();
        assertThat(told).containsExactly("resume refused", "reconnected as guest-2");
        assertThat(sam.user().id()).isEqualTo("guest-2");
        assertThat(dropAndReconnect(third).last("hello").path("resume").asText()).isEqualTo("r-2");
    }

    @Test
    void aMessageUnansweredAtTheLoss_isSentAgainAfterTheRejoin_withItsClientId_andADuplicateIsSent() throws Exception {
        ReconnectingClient sam = samInTheLounge();
        CompletableFuture<SendResult> reply = sam.send(LOUNGE, "are you there?");
        String clientId = server.latest().last("send").path("clientId").asText();
        assertThat(clientId).isNotBlank();

        Connection second = dropAndReconnect(server.latest());
        assertThat(reply).isNotDone();
        second.helloOk("guest-1", "Sam", "r-1");
        scheduler.runReady();

        assertThat(second.frames()).extracting(f -> f.path("type").asText())
                .containsExactly("hello", "join", "checkins", "send");
        assertThat(second.last("send").path("clientId").asText()).isEqualTo(clientId);
        assertThat(second.last("send").path("text").asText()).isEqualTo("are you there?");
        second.ok("send", "\"seq\":4,\"duplicate\":true");
        scheduler.runReady();
        assertThat(reply.get().seq()).isEqualTo(4);
        assertThat(reply.get().duplicate()).isTrue();
    }

    @Test
    void aCheckinMessage_keepsTheCallersClientId_acrossTheReconnect() throws Exception {
        ReconnectingClient sam = samInTheLounge();
        CompletableFuture<CheckinSendResult> reply = sam.checkinSend(CHECKIN, "can we talk?", "mine-1");

        Connection second = dropAndReconnect(server.latest());
        second.helloOk("guest-1", "Sam", "r-1");
        scheduler.runReady();

        assertThat(second.last("checkin_send").path("clientId").asText()).isEqualTo("mine-1");
        second.ok("checkin_send", "\"seq\":2");
        scheduler.runReady();
        assertThat(reply.get().seq()).isEqualTo(2);
        assertThat(server.made.get(0).last("checkin_send").path("clientId").asText()).isEqualTo("mine-1");
    }

    @Test
    void unavailable_isTriedAgainAfterTheWaitItAsks_withTheSameClientId() throws Exception {
        ReconnectingClient sam = samInTheLounge();
        CompletableFuture<SendResult> reply = sam.request(new Send(null, LOUNGE, "hello", "c-7"), SendResult.class);
        Connection connection = server.latest();
        String firstId = connection.last("send").path("id").asText();

        connection.event("{\"type\":\"error\",\"id\":\"" + firstId + "\",\"code\":\"unavailable\","
                + "\"message\":\"the server cannot reach its shared store\",\"retryAfterMs\":2000}");
        scheduler.advance(Duration.ofMillis(1999));
        assertThat(connection.frames().stream().filter(f -> "send".equals(f.path("type").asText()))).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));

        assertThat(connection.last("send").path("id").asText()).isNotEqualTo(firstId);
        assertThat(connection.last("send").path("clientId").asText()).isEqualTo("c-7");
        connection.ok("send", "\"seq\":4");
        scheduler.runReady();
        assertThat(reply.get().seq()).isEqualTo(4);
    }

    @Test
    void aRefusal_isNotTriedAgain() throws Exception {
        ReconnectingClient sam = samInTheLounge();
        CompletableFuture<SendResult> reply = sam.send(LOUNGE, "hello");

        server.latest().error("send", "muted", "you are muted");
        scheduler.runReady();

        assertThat(cause(reply)).isInstanceOf(HavenErrorException.class).hasMessageContaining("muted");
        Connection second = dropAndReconnect(server.latest());
        second.helloOk("guest-1", "Sam", "r-1");
        scheduler.runReady();
        assertThat(second.frames()).extracting(f -> f.path("type").asText())
                .containsExactly("hello", "join", "checkins");
    }

    @Test
    void closingTheClient_failsWhatIsStillUnanswered() throws Exception {
        ReconnectingClient sam = samInTheLounge();
        CompletableFuture<SendResult> reply = sam.send(LOUNGE, "are you there?");
        server.latest().drop();
        scheduler.runReady();

        sam.close();
        scheduler.runReady();

        assertThat(cause(reply)).isInstanceOf(ConnectionClosedException.class);
    }

    private static Throwable cause(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get();
            throw new AssertionError("the future did not fail");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
