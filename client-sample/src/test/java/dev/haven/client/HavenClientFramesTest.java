package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.RoundStarted;
import dev.haven.protocol.server.StatsResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a fake socket: what it sends, and what it makes of each frame a server might send. */
class HavenClientFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE = "{\"type\":\"message\",\"room\":\"lounge\",\"seq\":7,"
            + "\"from\":{\"id\":\"u1\",\"name\":\"Kim\",\"role\":\"member\"},\"text\":\"hi\",\"ts\":1}";
    private static final String PRESENCE = "{\"type\":\"presence\",\"room\":\"lounge\",\"event\":\"join\","
            + "\"member\":{\"id\":\"u2\",\"name\":\"Lee\",\"role\":\"member\",\"voice\":false,\"handRaised\":null}}";

    private final FakeWebSocket socket = new FakeWebSocket();
    private final RecordingListener listener = new RecordingListener();
    private HavenClient client;

    @BeforeEach
    void attach() {
        client = new HavenClient(listener);
        client.attach(socket);
    }

    @Test
    void announcement_reachesItsOwnListenerMethod_andDutyRepliesDecode() throws Exception {
        client.onText("{\"type\":\"announcement\",\"room\":\"lounge\",\"id\":\"ann-1\",\"text\":\"Closing at 22:00\","
                + "\"ts\":5}");
        assertThat(listener.announcements).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Closing at 22:00"));
        assertThat(listener.messages).isEmpty();

        var duty = client.duty(true);
        assertThat(JSON.readTree(socket.sent.get(0)).path("type").asText()).isEqualTo("duty");
        client.onText("{\"type\":\"ok\",\"id\":\"1\",\"onDuty\":[{\"id\":\"sup-1\",\"name\":\"Sue\",\"since\":9}],"
                + "\"you\":true}");
        assertThat(duty.get(5, TimeUnit.SECONDS).onDuty()).singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("Sue"));
        assertThat(duty.get().you()).isTrue();
    }

    @Test
    void request_numbersRequestsFromOne_andSendsThemAsJson() throws Exception {
        client.hello(Hello.guest("Sam"));
        client.rooms();
        client.join("circle", 4L, true);

        assertThat(socket.sent).hasSize(3);
        JsonNode hello = JSON.readTree(socket.sent.get(0));
        JsonNode rooms = JSON.readTree(socket.sent.get(1));
        JsonNode join = JSON.readTree(socket.sent.get(2));
        assertThat(hello.path("id").asText()).isEqualTo("1");
        assertThat(hello.path("type").asText()).isEqualTo("hello");
        assertThat(hello.path("name").asText()).isEqualTo("Sam");
        assertThat(rooms.path("id").asText()).isEqualTo("2");
        assertThat(rooms.path("type").asText()).isEqualTo("rooms");
        assertThat(join.path("id").asText()).isEqualTo("3");
        assertThat(join.path("room").asText()).isEqualTo("circle");
        assertThat(join.path("since").asLong()).isEqualTo(4);
        assertThat(join.path("acceptGuidelines").asBoolean()).isTrue();
    }

    @Test
    void join_withoutAccepting_doesNotSendAcceptGuidelines() throws Exception {
        client.join("circle", null);

        assertThat(JSON.readTree(socket.sent.get(0)).has("acceptGuidelines")).isFalse();
    }

    @Test
    void replies_outOfOrder_completeTheRequestWithTheSameId() throws Exception {
        CompletableFuture<HelloResult> hello = client.hello(Hello.guest("Sam"));
        CompletableFuture<RoomsResult> rooms = client.rooms();

        client.onText("{\"type\":\"ok\",\"id\":\"2\",\"rooms\":[]}");
        assertThat(hello).isNotDone();
        client.onText("{\"type\":\"ok\",\"id\":\"1\",\"user\":{\"id\":\"g1\",\"name\":\"Sam\",\"role\":\"member\"},"
                + "\"heartbeatSeconds\":30}");

        assertThat(rooms.get(1, TimeUnit.SECONDS).rooms()).isEmpty();
        assertThat(hello.get(1, TimeUnit.SECONDS).user().name()).isEqualTo("Sam");
    }

    @Test
    void errorReply_failsTheRequestWithItsCodeMessageAndRetryAfter() {
        CompletableFuture<?> send = client.send("lounge", "hello");

        client.onText("{\"type\":\"error\",\"id\":\"1\",\"code\":\"slow_mode\",\"message\":\"wait a little\","
                + "\"retryAfterMs\":2500}");

        HavenErrorException error = failure(send, HavenErrorException.class);
        assertThat(error.code()).isEqualTo(ErrorCode.SLOW_MODE);
        assertThat(error.wireCode()).isEqualTo("slow_mode");
        assertThat(error.serverMessage()).isEqualTo("wait a little");
        assertThat(error.retryAfterMs()).isEqualTo(2500L);
        assertThat(error.requestId()).isEqualTo("1");
    }

    @Test
    void errorReply_withACodeFromANewerServer_stillFailsTheRequest() {
        CompletableFuture<?> join = client.join("lounge", null);

        client.onText("{\"type\":\"error\",\"id\":\"1\",\"code\":\"session_expired\",\"message\":\"sign in again\"}");

        HavenErrorException error = failure(join, HavenErrorException.class);
        assertThat(error.code()).isNull();
        assertThat(error.wireCode()).isEqualTo("session_expired");
        assertThat(error.serverMessage()).isEqualTo("sign in again");
    }

    @Test
    void framesItCannotRead_areSkipped_andLaterFramesStillWork() throws Exception {
        CompletableFuture<EmptyResult> ping = client.ping();

        client.onText("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"warning\",\"reason\":\"be kind\"}");
        client.onText("{\"type\":\"round\",\"room\":\"lounge\",\"roundId\":\"r1\",\"state\":\"running\"}");
        client.onText("not json at all");
        client.onText("[1,2,3]");
        client.onText("{\"no\":\"type\"}");
        client.onText("{\"type\":\"ok\",\"id\":\"99\"}");
        client.onText("{\"type\":\"message\",\"room\":\"lounge\",\"seq\":\"seven\"}");
        client.onText("{\"type\":\"error\",\"code\":\"bad_request\",\"message\":\"no id\"}");
        client.onText("{\"type\":\"error\",\"id\":\"7\"}");
        assertThat(ping).isNotDone();
        assertThat(listener.messages).isEmpty();

        client.onText(MESSAGE);
        client.onText("{\"type\":\"ok\",\"id\":\"1\"}");

        assertThat(ping.get(1, TimeUnit.SECONDS)).isEqualTo(EmptyResult.INSTANCE);
        assertThat(listener.messages).extracting(MessageEvent::seq).containsExactly(7L);
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void okReply_thatCannotBeRead_failsItsRequestInsteadOfLeavingItPending() {
        CompletableFuture<JoinResult> join = client.join("lounge", null);

        // 'seq' must be a number; the codec does not coerce a string.
        client.onText("{\"type\":\"ok\",\"id\":\"1\",\"members\":[],\"history\":[],\"seq\":\"7\",\"gap\":false}");

        assertThat(failure(join, ProtocolException.class)).isNotNull();
    }

    @Test
    void joinReply_waitingForAdmission_completesTheJoin_withWaitingAlone() throws Exception {
        CompletableFuture<JoinResult> join = client.join("quiet-room", null, true);

        client.onText("{\"type\":\"ok\",\"id\":\"1\",\"waiting\":true}");

        JoinResult waiting = join.get(1, TimeUnit.SECONDS);
        assertThat(waiting.waiting()).isTrue();
        assertThat(waiting.room()).isNull();
        assertThat(waiting.members()).isNull();
        assertThat(waiting.history()).isNull();
        assertThat(waiting.seq()).isNull();
    }

    @Test
    void events_reachTheListenerInOrder() {
        client.onText(PRESENCE);
        client.onText(MESSAGE);

        assertThat(listener.presences).extracting(PresenceEvent::event).containsExactly(PresenceKind.JOIN);
        assertThat(listener.presences.get(0).member().name()).isEqualTo("Lee");
        assertThat(listener.messages.get(0).text()).isEqualTo("hi");
        assertThat(listener.messages.get(0).from().name()).isEqualTo("Kim");
    }

    @Test
    void facilitationEvents_reachTheirOwnListenerMethods() {
        client.onText("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"muted\",\"until\":1000,"
                + "\"reason\":\"a pause\"}");
        client.onText("{\"type\":\"alert\",\"room\":\"lounge\",\"kind\":\"report\",\"member\":\"u1\","
                + "\"name\":\"Kim\",\"seq\":7,\"by\":\"u2\",\"reason\":\"unkind\",\"ts\":5}");
        client.onText("{\"type\":\"message_deleted\",\"room\":\"lounge\",\"seq\":7}");
        client.onText("{\"type\":\"room_updated\",\"room\":{\"id\":\"lounge\",\"name\":\"Lounge\","
                + "\"category\":\"general\",\"topic\":\"t\",\"tags\":[],\"members\":2,\"capacity\":10,"
                + "\"locked\":true,\"admission\":\"open\",\"slowModeSeconds\":30,\"moderated\":false}}");

        assertThat(listener.notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.MUTED);
            assertThat(n.until()).isEqualTo(1000L);
            assertThat(n.reason()).isEqualTo("a pause");
        });
        assertThat(listener.alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REPORT);
            assertThat(a.seq()).isEqualTo(7L);
            assertThat(a.by()).isEqualTo("u2");
        });
        assertThat(listener.deletions).singleElement().extracting(MessageDeleted::seq).isEqualTo(7L);
        assertThat(listener.roomUpdates).singleElement().satisfies(u -> {
            assertThat(u.room().locked()).isTrue();
            assertThat(u.room().slowModeSeconds()).isEqualTo(30);
        });
    }

    @Test
    void sessionEvents_reachTheirOwnListenerMethods() {
        client.onText("{\"type\":\"round\",\"room\":\"lounge\",\"roundId\":\"round-1\",\"kind\":\"check_in\","
                + "\"prompt\":\"One word\",\"speaker\":\"u1\",\"queue\":[\"u2\"],\"turnEndsAt\":9000,"
                + "\"state\":\"running\",\"turnSeconds\":60,\"order\":\"join\",\"allowPass\":true,"
                + "\"talkingStick\":false}");
        client.onText("{\"type\":\"mood_poll\",\"room\":\"lounge\",\"pollId\":\"poll-1\",\"phase\":\"check_in\","
                + "\"closesAt\":9000}");
        client.onText("{\"type\":\"mood_summary\",\"room\":\"lounge\",\"pollId\":\"poll-1\",\"n\":3,"
                + "\"suppressed\":true}");
        client.onText("{\"type\":\"message\",\"room\":\"lounge\",\"seq\":1,\"from\":{\"id\":\"u1\",\"name\":\"Kim\","
                + "\"role\":\"member\"},\"text\":\"hard week\",\"ts\":5,\"cw\":{\"label\":\"self_harm\"}}");

        assertThat(listener.rounds).singleElement().satisfies(r -> {
            assertThat(r.speaker()).isEqualTo("u1");
            assertThat(r.queue()).containsExactly("u2");
        });
        assertThat(listener.polls).singleElement().extracting(MoodPollEvent::pollId).isEqualTo("poll-1");
        assertThat(listener.summaries).singleElement().extracting(MoodSummary::suppressed).isEqualTo(true);
        assertThat(listener.messages).singleElement().extracting(m -> m.cw().label()).isEqualTo(CwLabel.SELF_HARM);
    }

    @Test
    void sessionRequests_sendTheirFields_andRoundStartDecodesItsResult() throws Exception {
        HavenRoom lounge = client.room("lounge");
        CompletableFuture<RoundStarted> started = lounge.startRound(RoundKind.GO_ROUND, "What helped?", 90L,
                RoundOrder.RANDOM, false, true);
        lounge.mood("poll-1", null, true);
        client.send("lounge", "hard", new ContentWarning(CwLabel.CUSTOM, "a funeral"));

        List<String> frames = socket.sent;
        assertThat(frames.get(frames.size() - 3)).isEqualTo("{\"type\":\"round_start\",\"id\":\"1\",\"room\":\"lounge\","
                + "\"kind\":\"go_round\",\"prompt\":\"What helped?\",\"turnSeconds\":90,\"order\":\"random\","
                + "\"allowPass\":false,\"talkingStick\":true}");
        assertThat(frames.get(frames.size() - 2)).isEqualTo("{\"type\":\"mood\",\"id\":\"2\",\"room\":\"lounge\","
                + "\"pollId\":\"poll-1\",\"shareWithFacilitator\":true}");
        assertThat(frames.get(frames.size() - 1)).contains("\"cw\":{\"label\":\"custom\",\"text\":\"a funeral\"}");
        client.onText("{\"type\":\"ok\",\"id\":\"1\",\"roundId\":\"round-4\"}");
        assertThat(started.get(1, TimeUnit.SECONDS).roundId()).isEqualTo("round-4");
    }

    @Test
    void roomCommands_sendTheirFields_andStatsDecodesItsResult() throws Exception {
        HavenRoom lounge = client.room("lounge");
        lounge.mute("u1", 300L, "a pause");
        lounge.setRoom(null, 10, null, Admission.APPROVAL);
        CompletableFuture<StatsResult> stats = lounge.stats();
        CompletableFuture<Result> audit = client.request(new Audit(null, "lounge", 5));

        JsonNode mute = JSON.readTree(socket.sent.get(0));
        assertThat(mute.path("type").asText()).isEqualTo("mute");
        assertThat(mute.path("user").asText()).isEqualTo("u1");
        assertThat(mute.path("seconds").asLong()).isEqualTo(300);
        assertThat(mute.path("reason").asText()).isEqualTo("a pause");
        JsonNode setRoom = JSON.readTree(socket.sent.get(1));
        assertThat(setRoom.path("type").asText()).isEqualTo("set_room");
        assertThat(setRoom.path("slowModeSeconds").asInt()).isEqualTo(10);
        assertThat(setRoom.path("admission").asText()).isEqualTo("approval");
        assertThat(setRoom.has("locked")).isFalse();
        client.onText("{\"type\":\"ok\",\"id\":\"3\",\"windowSeconds\":900,\"members\":[{\"id\":\"u1\","
                + "\"name\":\"Kim\",\"messages\":6,\"chars\":80,\"share\":1.0}],\"dominant\":[\"u1\"]}");
        client.onText("{\"type\":\"ok\",\"id\":\"4\",\"entries\":[{\"ts\":1,\"actor\":\"f1\","
                + "\"action\":\"mute\",\"target\":\"u1\"}]}");

        assertThat(stats.get(1, TimeUnit.SECONDS).dominant()).containsExactly("u1");
        assertThat(audit.get(1, TimeUnit.SECONDS)).isInstanceOfSatisfying(AuditResult.class,
                a -> assertThat(a.entries()).extracting(AuditEntry::action).containsExactly("mute"));
    }

    @Test
    void roomCommand_withAValueOutOfRange_throwsAtOnce() {
        assertThatThrownBy(() -> client.room("lounge").mute("u1", Mute.MAX_SECONDS + 1, null))
                .hasMessageContaining("'seconds'");
        assertThat(socket.sent).isEmpty();
    }

    @Test
    void listenerThatThrows_doesNotStopLaterEvents() {
        RecordingListener later = new RecordingListener();
        HavenClient fragile = new HavenClient(new HavenListener() {
            @Override
            public void onMessage(MessageEvent message) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onPresence(PresenceEvent presence) {
                later.onPresence(presence);
            }
        });
        fragile.attach(socket);

        fragile.onText(MESSAGE);
        fragile.onText(PRESENCE);

        assertThat(later.presences).hasSize(1);
    }

    @Test
    void sends_waitForThePreviousOne_asTheJdkSocketRequires() throws Exception {
        socket.holdSends = true;
        CompletableFuture<EmptyResult> first = client.ping();
        CompletableFuture<EmptyResult> second = client.ping();
        assertThat(socket.sent).hasSize(1);

        socket.finishSend();
        assertThat(socket.sent).hasSize(2);
        socket.finishSend();
        client.onText("{\"type\":\"ok\",\"id\":\"1\"}");
        client.onText("{\"type\":\"ok\",\"id\":\"2\"}");

        assertThat(first.get(1, TimeUnit.SECONDS)).isEqualTo(EmptyResult.INSTANCE);
        assertThat(second.get(1, TimeUnit.SECONDS)).isEqualTo(EmptyResult.INSTANCE);
    }

    @Test
    void closedByServer_failsPendingAndLaterRequests_andTellsTheListenerOnce() throws Exception {
        CompletableFuture<RoomsResult> pending = client.rooms();

        client.onClosed(1001, "server shutting down");
        client.onClosed(1006, "connection lost");

        ConnectionClosedException closed = failure(pending, ConnectionClosedException.class);
        assertThat(closed.code()).isEqualTo(1001);
        assertThat(listener.closed.get(1, TimeUnit.SECONDS))
                .isEqualTo(new RecordingListener.Closing(1001, "server shutting down"));
        assertThat(listener.closeCalls).hasValue(1);
        assertThat(client.isOpen()).isFalse();
        assertThat(failure(client.ping(), ConnectionClosedException.class).code()).isEqualTo(1001);
        assertThat(socket.sent).hasSize(1);
    }

    @Test
    void close_sendsNormalClosure_andWaitsForTheServersAnswer() throws Exception {
        socket.onSendClose = () -> client.onClosed(1000, "bye");

        client.close();

        assertThat(socket.closeCodes).containsExactly(1000);
        assertThat(listener.closed.get(1, TimeUnit.SECONDS).code()).isEqualTo(1000);
        assertThat(socket.aborted).isFalse();
    }

    @Test
    void request_withAnInvalidField_throwsAtOnce() {
        assertThatThrownBy(() -> client.send("lounge", "   ")).hasMessageContaining("'text'");
        assertThat(socket.sent).isEmpty();
    }

    private static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the future completed normally");
    }
}
