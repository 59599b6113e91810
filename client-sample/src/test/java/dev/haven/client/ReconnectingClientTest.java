package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.ScriptedConnections.Connection;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.SendResult;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The reconnecting client with a scripted server and a hand-driven clock: no network, no waiting. */
class ReconnectingClientTest {
    private static final String LOUNGE = "lounge";

    /** Everything the client told, in order, one line each. */
    private static final class Told implements ReconnectListener {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(MessageEvent message) {
            lines.add("message " + message.seq() + " " + message.text());
        }

        @Override
        public void onNotice(Notice notice) {
            lines.add("notice " + notice.kind().wireName());
        }

        @Override
        public void onConnectionLost(int code, String reason) {
            lines.add("lost " + code + " " + reason);
        }

        @Override
        public void onReconnectScheduled(int attempt, Duration delay, String lastFailure) {
            lines.add("attempt " + attempt + " in " + delay.toMillis() + " ms" + (lastFailure == null ? ""
                    : " after " + lastFailure));
        }

        @Override
        public void onReconnected(HelloResult hello) {
            lines.add("reconnected as " + hello.user().id());
        }

        @Override
        public void onCaughtUp(CatchUp catchUp) {
            lines.add("caught up " + catchUp.room() + " missed " + catchUp.missed() + (catchUp.gap() ? " gap" : "")
                    + (catchUp.restarted() ? " restarted" : "") + (catchUp.waiting() ? " waiting" : "")
                    + (catchUp.afterReconnect() ? "" : " (hole)"));
        }

        @Override
        public void onRejoinFailed(String room, HavenErrorException error) {
            lines.add("rejoin failed " + room + " " + error.wireCode());
        }

        @Override
        public void onGaveUp(int attempts) {
            lines.add("gave up after " + attempts);
        }

        @Override
        public void onClosed(int code, String reason) {
            lines.add("closed " + code + " " + reason);
        }

        /** The lines told since the last call, and forgets them. */
        List<String> drain() {
            List<String> told = List.copyOf(lines);
            lines.clear();
            return told;
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ScriptedConnections server = new ScriptedConnections();
    private final Told told = new Told();

    private ReconnectingClient client(ReconnectPolicy policy) {
        return ReconnectingClient.builder(URI.create("ws://haven.test/ws"), Hello.guest("Sam"))
                .listener(told).policy(policy).scheduler(scheduler).random(ScriptedConnections.LONGEST).connector(server).build();
    }

    /** Sam is connected and in the lounge, whose messages 1 to 3 it has seen. */
    private ReconnectingClient inTheLounge(ReconnectPolicy policy) throws Exception {
        ReconnectingClient sam = client(policy);
        CompletableFuture<HelloResult> started = sam.start();
        scheduler.runReady();
        server.latest().helloOk("g1", "Sam");
        scheduler.runReady();
        assertThat(started.get().user().id()).isEqualTo("g1");
        CompletableFuture<JoinResult> joined = sam.join(LOUNGE, null, true);
        scheduler.runReady();
        server.latest().joinOk(3, false, 1, 2, 3);
        scheduler.runReady();
        assertThat(joined.get().history()).hasSize(3);
        told.drain();
        return sam;
    }

    private ReconnectingClient inTheLounge() throws Exception {
        return inTheLounge(ReconnectPolicy.DEFAULT);
    }

    /** Drops the connection, waits out the backoff and says hello on the new one; returns it. */
    private Connection reconnect(Connection lost) {
        int made = server.made.size();
        lost.drop();
        scheduler.runReady();
        assertThat(told.drain()).first().isEqualTo("lost 1006 connection lost");
        for (int step = 0; step < 600 && server.made.size() == made; step++) {
            scheduler.advance(Duration.ofMillis(100));
        }
        Connection next = server.latest();
        assertThat(next).isNotSameAs(lost);
        next.helloOk("g2", "Sam");
        scheduler.runReady();
        return next;
    }

    @Test
    void connectionLost_reconnectsAfterTheBackoff_asTheSameGuest_andRejoinsWithSince() throws Exception {
        ReconnectingClient sam = inTheLounge();
        Connection first = server.latest();

        first.drop();
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("lost 1006 connection lost", "attempt 1 in 500 ms");
        assertThat(sam.isConnected()).isFalse();
        scheduler.advance(Duration.ofMillis(499));
        assertThat(server.made).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        Connection second = server.latest();
        assertThat(server.made).hasSize(2);
        assertThat(second.last("hello").path("name").asText()).isEqualTo("Sam");
        second.helloOk("g2", "Sam");
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("reconnected as g2");
        assertThat(sam.isConnected()).isTrue();
        assertThat(sam.user().id()).isEqualTo("g2");
        // Since the message before the newest seen, to recognise the server's history by it.
        assertThat(second.last("join").path("room").asText()).isEqualTo(LOUNGE);
        assertThat(second.last("join").path("since").asLong()).isEqualTo(2);
        assertThat(second.last("join").path("acceptGuidelines").asBoolean()).isTrue();
        second.joinOk(6, false, 3, 4, 5, 6);
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("caught up lounge missed 3", "message 4 m4", "message 5 m5",
                "message 6 m6");
    }

    @Test
    void catchUp_whoseHistoryHoldsARoleFromANewerServer_deliversEveryMissedMessage() throws Exception {
        ReconnectingClient sam = inTheLounge();
        Connection second = reconnect(server.latest());
        told.drain();

        String fromAPeerSupporter = ScriptedConnections.message(LOUNGE, 5).replace("\"role\":\"member\"",
                "\"role\":\"peer_supporter\"");
        second.ok("join", "\"members\":[],\"history\":[" + ScriptedConnections.message(LOUNGE, 3) + ","
                + ScriptedConnections.message(LOUNGE, 4) + "," + fromAPeerSupporter + "],\"seq\":5,\"gap\":false");
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("caught up lounge missed 2", "message 4 m4", "message 5 m5");
        assertThat(sam.isConnected()).isTrue();
        assertThat(server.made).hasSize(2);
    }

    @Test
    void tokenUser_saysHelloWithTheSameToken() throws Exception {
        ReconnectingClient fran = ReconnectingClient.builder(URI.create("ws://haven.test/ws"), Hello.withToken("t.o.k"))
                .listener(told).scheduler(scheduler).random(ScriptedConnections.LONGEST).connector(server).build();
        fran.start();
        scheduler.runReady();
        server.latest().helloOk("fran", "Fran");
        scheduler.runReady();

        Connection second = reconnect(server.latest());

        assertThat(second.last("hello").path("token").asText()).isEqualTo("t.o.k");
        assertThat(second.last("hello").has("name")).isFalse();
    }

    @Test
    void liveEvents_duringTheRejoin_followTheMissedMessages_andNothingComesTwice() throws Exception {
        inTheLounge();
        Connection second = reconnect(server.latest());
        told.drain();

        second.event(ScriptedConnections.message(LOUNGE, 7));
        second.event("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"warning\",\"reason\":\"be kind\"}");
        second.event(ScriptedConnections.message(LOUNGE, 8));
        scheduler.runReady();
        assertThat(told.drain()).isEmpty();
        second.joinOk(6, false, 3, 4, 5, 6);
        scheduler.runReady();
        second.event(ScriptedConnections.message(LOUNGE, 8));
        second.event(ScriptedConnections.message(LOUNGE, 9));
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("caught up lounge missed 3", "message 4 m4", "message 5 m5",
                "message 6 m6", "message 7 m7", "notice warning", "message 8 m8", "message 9 m9");
    }

    @Test
    void requestsInFlightAtTheLoss_failAsClosed_andRequestsWhileAway_failAtOnceAsNotConnected() throws Exception {
        ReconnectingClient sam = inTheLounge();
        // (A message in flight is sent again instead: RetriesAndResumeTest.)
        CompletableFuture<RoomsResult> inFlight = sam.rooms();

        server.latest().drop();
        scheduler.runReady();
        CompletableFuture<SendResult> whileAway = sam.send(LOUNGE, "hello?");

        assertThat(inFlight).isCompletedExceptionally();
        assertThat(cause(inFlight)).isInstanceOf(ConnectionClosedException.class);
        assertThat(cause(whileAway)).isInstanceOf(NotConnectedException.class).hasMessageContaining("reconnecting");
        assertThat(server.made).hasSize(1);
    }

    @Test
    void requestsAfterTheHello_followTheRejoin() throws Exception {
        ReconnectingClient sam = inTheLounge();
        Connection second = reconnect(server.latest());

        sam.send(LOUNGE, "back");

        assertThat(second.frames()).extracting(f -> f.path("type").asText()).containsExactly("hello", "join", "checkins", "send");
    }

    @Test
    void backoff_growsWithEachFailedAttempt_andCountsFromOneAgainAfterAStableConnection() throws Exception {
        inTheLounge();
        server.refusals = 3;

        server.latest().drop();
        scheduler.runReady();
        scheduler.advance(Duration.ofMillis(500 + 1000 + 2000 + 4000));
        assertThat(told.drain()).containsExactly("lost 1006 connection lost", "attempt 1 in 500 ms",
                "attempt 2 in 1000 ms after the server cannot be reached",
                "attempt 3 in 2000 ms after the server cannot be reached",
                "attempt 4 in 4000 ms after the server cannot be reached");
        server.latest().helloOk("g2", "Sam");
        scheduler.runReady();
        server.latest().joinOk(3, false, 2, 3);
        scheduler.runReady();
        told.drain();

        // Dropped before it was stable: the count goes on.
        server.latest().drop();
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("lost 1006 connection lost", "attempt 5 in 8000 ms");
        scheduler.advance(Duration.ofSeconds(8));
        server.latest().helloOk("g3", "Sam");
        scheduler.runReady();
        server.latest().joinOk(3, false, 2, 3);
        scheduler.advance(ReconnectPolicy.DEFAULT.stableAfter());
        told.drain();

        server.latest().drop();
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("lost 1006 connection lost", "attempt 1 in 500 ms");
    }

    @Test
    void everyAttemptFailing_givesUpAfterTheLast_thenCloses() throws Exception {
        ReconnectingClient sam = inTheLounge(ReconnectPolicy.DEFAULT.withMaxAttempts(2));
        server.refusals = 5;

        server.latest().drop();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(told.drain()).containsExactly("lost 1006 connection lost", "attempt 1 in 500 ms",
                "attempt 2 in 1000 ms after the server cannot be reached", "gave up after 2",
                "closed 1006 the server cannot be reached");
        assertThat(scheduler.hasTimers()).isFalse();
        assertThat(cause(sam.send(LOUNGE, "hi"))).isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void noAttemptsAllowed_closesAtTheLoss() throws Exception {
        inTheLounge(ReconnectPolicy.DEFAULT.withMaxAttempts(0));

        server.latest().closeFromServer(1001, "server shutting down");
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("closed 1001 server shutting down");
    }

    @Test
    void serverShuttingDown_andASlowReaderDropped_areReconnectedAfter() throws Exception {
        inTheLounge();
        server.latest().closeFromServer(1001, "server shutting down");
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("lost 1001 server shutting down", "attempt 1 in 500 ms");

        scheduler.advance(Duration.ofMillis(500));
        Connection second = server.latest();
        second.helloOk("g2", "Sam");
        scheduler.runReady();
        second.joinOk(3, false, 2, 3);
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("reconnected as g2", "caught up lounge missed 0");
        second.closeFromServer(1008, "slow");
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("lost 1008 slow", "attempt 2 in 1000 ms");
    }

    @Test
    void closesTheServerMeantAsARefusal_endTheClient_withoutAnAttempt() throws Exception {
        for (String[] close : new String[][] {{"4001", "token expired"}, {"1008", "flooding"},
                {"1008", "too many bad frames"}, {"1003", "binary frames are not supported"}}) {
            inTheLounge();

            server.latest().closeFromServer(Integer.parseInt(close[0]), close[1]);
            scheduler.advance(Duration.ofMinutes(1));

            assertThat(told.drain()).containsExactly("closed " + close[0] + " " + close[1]);
        }
        assertThat(scheduler.hasTimers()).isFalse();
    }

    @Test
    void aPingNotAnswered_dropsTheConnection_andReconnects() throws Exception {
        inTheLounge();
        Connection first = server.latest();

        scheduler.advance(Duration.ofSeconds(15));
        assertThat(first.last("ping")).isNotNull();
        first.ok("ping", "");
        scheduler.advance(Duration.ofSeconds(15));
        assertThat(first.frames()).filteredOn(f -> f.path("type").asText().equals("ping")).hasSize(2);
        assertThat(first.socket.aborted).isFalse();
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(first.socket.aborted).isTrue();
        assertThat(told.drain()).containsExactly("lost 1006 no answer from the server within 10 s",
                "attempt 1 in 500 ms");
    }

    @Test
    void aHelloNotAnswered_onANewConnection_countsAsAFailedAttempt() throws Exception {
        inTheLounge();
        server.latest().drop();
        scheduler.advance(Duration.ofMillis(500));
        Connection silent = server.latest();

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(silent.socket.aborted).isTrue();
        assertThat(told.drain()).containsExactly("lost 1006 connection lost", "attempt 1 in 500 ms",
                "attempt 2 in 1000 ms after no answer to hello within 10 s");
    }

    @Test
    void close_duringTheBackoff_endsAtOnce_andNoAttemptFollows() throws Exception {
        ReconnectingClient sam = inTheLounge();
        server.latest().drop();
        scheduler.runReady();
        told.drain();

        sam.close();
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("closed 1000 closed by the client");
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(server.made).hasSize(1);
        assertThat(scheduler.hasTimers()).isFalse();
    }

    @Test
    void close_whileAConnectionIsBeingMade_dropsItWhenItOpens() throws Exception {
        ReconnectingClient sam = inTheLounge();
        server.holdOpening = true;
        server.latest().drop();
        scheduler.advance(Duration.ofMillis(500));
        Connection opening = server.latest();

        sam.close();
        scheduler.runReady();
        server.pending.get(0).complete(null);
        scheduler.runReady();

        assertThat(opening.socket.aborted).isTrue();
        assertThat(opening.socket.sent).isEmpty();
        assertThat(told.drain()).endsWith("closed 1000 closed by the client");
    }

    @Test
    void helloRefused_onAReconnect_endsTheClient() throws Exception {
        inTheLounge();
        server.latest().drop();
        scheduler.advance(Duration.ofMillis(500));

        server.latest().error("hello", "unauthenticated", "token expired");
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(told.drain()).containsExactly("lost 1006 connection lost", "attempt 1 in 500 ms",
                "closed 4001 the server refused the sign-in: token expired");
        assertThat(server.made).hasSize(2);
    }

    @Test
    void rejoinRefused_isReported_andTheRoomIsNotTriedAgain() throws Exception {
        inTheLounge();
        Connection second = reconnect(server.latest());
        second.error("join", "banned", "you cannot join this room at the moment");
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("reconnected as g2", "rejoin failed lounge banned");

        Connection third = reconnect(second);

        assertThat(third.frames()).extracting(f -> f.path("type").asText()).containsExactly("hello", "checkins");
    }

    @Test
    void roomsLeft_orRemovedFrom_areNotRejoined() throws Exception {
        ReconnectingClient sam = inTheLounge();
        Connection first = server.latest();
        CompletableFuture<JoinResult> circle = sam.join("circle", null, true);
        scheduler.runReady();
        first.ok("join", "\"members\":[],\"history\":[],\"seq\":0,\"gap\":false");
        scheduler.runReady();
        assertThat(circle).isCompleted();

        sam.leave("circle");
        first.event("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"removed\"}");
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("notice removed");
        Connection second = reconnect(first);

        assertThat(second.frames()).extracting(f -> f.path("type").asText()).containsExactly("hello", "checkins");
    }

    @Test
    void closedSession_isNotRejoined() throws Exception {
        inTheLounge();
        Connection first = server.latest();
        first.event("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"session_closed\",\"text\":\"Thank you.\"}");
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("notice session_closed");

        Connection second = reconnect(first);

        assertThat(second.frames()).extracting(f -> f.path("type").asText()).containsExactly("hello", "checkins");
    }

    @Test
    void guidelinesAcceptedByVersion_areAcceptedByTheSameVersionOnTheRejoin() throws Exception {
        ReconnectingClient sam = inTheLounge();
        Connection first = server.latest();
        sam.join(LOUNGE, null, 2);
        scheduler.runReady();
        first.joinOk(3, false, 1, 2, 3);
        scheduler.runReady();

        Connection second = reconnect(first);

        assertThat(second.last("join").path("guidelinesVersion").asInt()).isEqualTo(2);
        assertThat(second.last("join").path("acceptGuidelines").asBoolean()).isTrue();
    }

    @Test
    void joinRefused_orWaiting_isNotRejoined() throws Exception {
        ReconnectingClient sam = inTheLounge();
        Connection first = server.latest();
        sam.join("circle", null, false);
        scheduler.runReady();
        first.error("join", "guidelines_required", "accept them");
        sam.join("approval-room", null, true);
        scheduler.runReady();
        first.ok("join", "\"waiting\":true");
        scheduler.runReady();

        Connection second = reconnect(first);

        assertThat(second.frames()).filteredOn(f -> f.path("type").asText().equals("join"))
                .extracting(f -> f.path("room").asText()).containsExactly(LOUNGE);
    }

    @Test
    void serverRestarted_rejoinsFromZero_andItsNewMessagesComeThrough() throws Exception {
        inTheLounge();
        Connection second = reconnect(server.latest());

        // The restarted server holds one message so far.
        second.joinOk(1, false, 1);
        scheduler.runReady();
        assertThat(second.last("join").path("since").asLong()).isZero();
        second.ok("join", "\"members\":[],\"history\":[" + ScriptedConnections.message(LOUNGE, 1, 50_000)
                + "],\"seq\":1,\"gap\":false");
        scheduler.runReady();
        second.event(ScriptedConnections.message(LOUNGE, 2, 50_001));
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("reconnected as g2", "caught up lounge missed 1 restarted",
                "message 1 m1", "message 2 m2");
    }

    @Test
    void serverRestarted_andAlreadyFurther_isRecognisedByTheNewestMessagesTime() throws Exception {
        inTheLounge();
        Connection second = reconnect(server.latest());

        second.ok("join", "\"members\":[],\"history\":[" + ScriptedConnections.message(LOUNGE, 3, 70_000) + ","
                + ScriptedConnections.message(LOUNGE, 4, 70_001) + "],\"seq\":4,\"gap\":false");
        scheduler.runReady();

        assertThat(second.last("join").path("since").asLong()).isZero();
    }

    @Test
    void gap_isReported_withTheMessagesStillHeld() throws Exception {
        inTheLounge();
        Connection second = reconnect(server.latest());

        second.joinOk(20, true, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        scheduler.runReady();
        assertThat(second.last("join").path("since").asLong()).isEqualTo(3);
        second.joinOk(20, true, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        scheduler.runReady();

        List<String> lines = told.drain();
        assertThat(lines).startsWith("reconnected as g2", "caught up lounge missed 10 gap", "message 11 m11")
                .endsWith("message 20 m20").hasSize(12);
    }

    @Test
    void holeInTheLiveMessages_isFilledWithSince_inOrder() throws Exception {
        inTheLounge();
        Connection first = server.latest();

        first.event(ScriptedConnections.message(LOUNGE, 6));
        scheduler.runReady();
        assertThat(first.last("join").path("since").asLong()).isEqualTo(3);
        first.event(ScriptedConnections.message(LOUNGE, 7));
        first.joinOk(6, false, 4, 5, 6);
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("caught up lounge missed 3 (hole)", "message 4 m4", "message 5 m5",
                "message 6 m6", "message 7 m7");
    }

    private static long joinsSent(Connection connection) {
        return connection.frames().stream().filter(f -> "join".equals(f.path("type").asText())).count();
    }

    @Test
    void holeFilling_refusedAsRateLimited_asksAgainAfterAPause_notAtOnce() throws Exception {
        inTheLounge();
        Connection first = server.latest();
        first.event(ScriptedConnections.message(LOUNGE, 6));
        scheduler.runReady();
        long joins = joinsSent(first);

        first.error("join", "rate_limited", "too many requests at once; wait a moment");
        scheduler.runReady();
        first.event(ScriptedConnections.message(LOUNGE, 7));
        scheduler.runReady();
        assertThat(joinsSent(first)).as("no retry at once").isEqualTo(joins);
        assertThat(told.drain()).as("still held").isEmpty();

        scheduler.advance(JoinedRooms.CATCH_UP_PAUSE);
        assertThat(joinsSent(first)).isEqualTo(joins + 1);
        assertThat(first.last("join").path("since").asLong()).isEqualTo(3);
        first.joinOk(6, false, 4, 5, 6);
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("caught up lounge missed 3 (hole)", "message 4 m4", "message 5 m5",
                "message 6 m6", "message 7 m7");
    }

    @Test
    void holeFilling_withAnUnreadableReply_isAskedAgain_andAfterRepeatedFailuresReconnects() throws Exception {
        inTheLounge();
        Connection first = server.latest();
        first.event(ScriptedConnections.message(LOUNGE, 6));
        scheduler.runReady();

        for (int attempt = 0; attempt < JoinedRooms.CATCH_UP_ATTEMPTS; attempt++) {
            first.ok("join", "\"seq\":\"not a number\"");
            scheduler.runReady();
            scheduler.advance(JoinedRooms.CATCH_UP_PAUSE.multipliedBy(1L << attempt));
        }

        assertThat(joinsSent(first)).as("the owner's join, then every try of the catch-up")
                .isEqualTo(1 + JoinedRooms.CATCH_UP_ATTEMPTS);
        assertThat(told.drain()).as("dropped for a fresh connection, which rejoins")
                .first().isEqualTo("lost 1006 a catch-up could not be completed");
    }

    @Test
    void firstConnectionFailing_failsTheStart_withoutRetrying() {
        ReconnectingClient sam = client(ReconnectPolicy.DEFAULT);
        server.refusals = 1;

        CompletableFuture<HelloResult> started = sam.start();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(cause(started)).isInstanceOf(ConnectException.class);
        assertThat(told.drain()).isEmpty();
        assertThat(scheduler.hasTimers()).isFalse();
    }

    @Test
    void firstHelloRefused_failsTheStart() {
        ReconnectingClient sam = client(ReconnectPolicy.DEFAULT);
        CompletableFuture<HelloResult> started = sam.start();
        scheduler.runReady();

        server.latest().error("hello", "bad_request", "that name cannot be used");
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(cause(started)).isInstanceOf(HavenErrorException.class).hasMessageContaining("bad_request");
        assertThat(server.made).hasSize(1);
        assertThat(told.drain()).isEmpty();
    }

    private static Throwable cause(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
