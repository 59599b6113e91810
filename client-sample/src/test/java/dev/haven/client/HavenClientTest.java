package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.haven.client.testing.HavenTestServer;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client library against a real server: Sam and Kim talk in the lounge. */
class HavenClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<HavenClient> clients = new ArrayList<>();
    private HavenTestServer server = HavenTestServer.start();

    @AfterEach
    void stop() {
        clients.forEach(HavenClient::close);
        server.stop();
    }

    @Test
    void hello_asGuest_returnsTheUser() throws Exception {
        HelloResult hello = get(connect(new RecordingListener()).hello(Hello.guest("  Sam ")));

        assertThat(hello.user().name()).isEqualTo("Sam");
        assertThat(hello.user().role()).isEqualTo(Role.MEMBER);
        assertThat(hello.heartbeatSeconds()).isEqualTo(30);
    }

    @Test
    void hello_withToken_takesTheTokensIdentity() throws Exception {
        HavenClient client = connect(new RecordingListener());

        HelloResult hello = get(client.hello(Hello.withToken(server.token("fac-1", "Fran", Role.FACILITATOR))));

        assertThat(hello.user().id()).isEqualTo("fac-1");
        assertThat(hello.user().role()).isEqualTo(Role.FACILITATOR);
    }

    @Test
    void requests_sentTogether_eachGetTheirOwnReply() throws Exception {
        HavenClient sam = guest("Sam", new RecordingListener());

        CompletableFuture<JoinResult> join = sam.join(HavenTestServer.LOUNGE, null);
        CompletableFuture<SendResult> send = sam.send(HavenTestServer.LOUNGE, "first");
        CompletableFuture<RoomsResult> rooms = sam.rooms();
        CompletableFuture<EmptyResult> ping = sam.ping();
        CompletableFuture<SendResult> second = sam.send(HavenTestServer.LOUNGE, "second");

        assertThat(get(join).room().id()).isEqualTo(HavenTestServer.LOUNGE);
        assertThat(get(send).seq()).isEqualTo(1);
        assertThat(get(rooms).rooms()).extracting(RoomInfo::id)
                .containsExactlyInAnyOrder(HavenTestServer.LOUNGE, HavenTestServer.CIRCLE, HavenTestServer.GROUP);
        assertThat(get(ping)).isEqualTo(EmptyResult.INSTANCE);
        assertThat(get(second).seq()).isEqualTo(2);
    }

    @Test
    void join_unknownRoom_failsWithNotFound() throws Exception {
        HavenClient sam = guest("Sam", new RecordingListener());

        HavenErrorException error = errorOf(sam.join("no-such-room", null));

        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error.serverMessage()).isNotBlank();
    }

    @Test
    void join_roomWithGuidelines_needsThemAccepted() throws Exception {
        HavenClient sam = guest("Sam", new RecordingListener());

        assertThat(errorOf(sam.join(HavenTestServer.CIRCLE, null)).code()).isEqualTo(ErrorCode.GUIDELINES_REQUIRED);
        JoinResult joined = get(sam.join(HavenTestServer.CIRCLE, null, true));

        // The room's own text, then the built-in configuration's notice (site.guidelinesNotice).
        assertThat(joined.room().guidelines()).startsWith(HavenTestServer.CIRCLE_GUIDELINES + "\n\nPlease know:");
        assertThat(joined.members()).extracting(m -> m.name()).containsExactly("Sam");
    }

    @Test
    void send_withoutJoining_failsWithNotInRoom() throws Exception {
        HavenClient sam = guest("Sam", new RecordingListener());

        assertThat(errorOf(sam.send(HavenTestServer.LOUNGE, "hello?")).code()).isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void request_beforeHello_failsWithUnauthenticated() throws Exception {
        HavenClient client = connect(new RecordingListener());

        assertThat(errorOf(client.rooms()).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void events_reachTheListeners_ofEveryoneInTheRoom() throws Exception {
        RecordingListener samHears = new RecordingListener();
        RecordingListener kimHears = new RecordingListener();
        HavenClient sam = guest("Sam", samHears);
        HavenClient kim = guest("Kim", kimHears);
        get(sam.join(HavenTestServer.LOUNGE, null));

        get(kim.join(HavenTestServer.LOUNGE, null));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(samHears.presences)
                .extracting(p -> p.event().wireName() + " " + p.member().name()).containsExactly("join Kim"));

        long seq = get(kim.send(HavenTestServer.LOUNGE, "hello Sam")).seq();
        for (RecordingListener hears : List.of(samHears, kimHears)) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hears.messages).hasSize(1));
            MessageEvent message = hears.messages.get(0);
            assertThat(message.seq()).isEqualTo(seq);
            assertThat(message.text()).isEqualTo("hello Sam");
            assertThat(message.from().name()).isEqualTo("Kim");
        }

        get(kim.leave(HavenTestServer.LOUNGE));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(samHears.presences)
                .extracting(PresenceEvent::event).containsExactly(PresenceKind.JOIN, PresenceKind.LEAVE));
    }

    @Test
    void close_sendsNormalClosure_andTheRoomSeesTheLeave() throws Exception {
        RecordingListener samHears = new RecordingListener();
        RecordingListener kimHears = new RecordingListener();
        HavenClient sam = guest("Sam", samHears);
        HavenClient kim = guest("Kim", kimHears);
        get(sam.join(HavenTestServer.LOUNGE, null));
        get(kim.join(HavenTestServer.LOUNGE, null));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(samHears.presences).hasSize(1));

        kim.close();

        assertThat(kimHears.closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).code()).isEqualTo(1000);
        assertThat(kim.isOpen()).isFalse();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(samHears.presences)
                .extracting(p -> p.event().wireName() + " " + p.member().name()).containsExactly("join Kim", "leave Kim"));
    }

    @Test
    void serverStopping_isReportedAsGoingAway_andLaterRequestsFail() throws Exception {
        RecordingListener samHears = new RecordingListener();
        HavenClient sam = guest("Sam", samHears);

        server.stop();

        RecordingListener.Closing closing = samHears.closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(closing.code()).isEqualTo(1001);
        assertThat(closing.reason()).isEqualTo("server shutting down");
        assertThatThrownBy(() -> sam.rooms().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void hello_withABadToken_failsAndTheServerCloses4001() throws Exception {
        RecordingListener hears = new RecordingListener();
        HavenClient client = connect(hears);

        assertThat(errorOf(client.hello(Hello.withToken("not-a-token"))).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(hears.closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).code()).isEqualTo(4001);
    }

    @Test
    void longMessage_arrivingInParts_isReassembled() throws Exception {
        server.stop();
        server = HavenTestServer.start(60_000, 1024 * 1024);
        RecordingListener samHears = new RecordingListener();
        HavenClient sam = guest("Sam", samHears);
        get(sam.join(HavenTestServer.LOUNGE, null));
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 59_990; i++) {
            text.append(i % 7 == 0 ? "caf\u00e9 \u263a " : "word" + i + " ");
        }

        get(sam.send(HavenTestServer.LOUNGE, text.toString()));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(samHears.messages).hasSize(1));
        assertThat(samHears.messages.get(0).text()).isEqualTo(text.toString());
    }

    private HavenClient connect(RecordingListener listener) throws Exception {
        HavenClient client = get(HavenClient.connect(server.url(), listener));
        clients.add(client);
        return client;
    }

    private HavenClient guest(String name, RecordingListener listener) throws Exception {
        HavenClient client = connect(listener);
        get(client.hello(Hello.guest(name)));
        return client;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static HavenErrorException errorOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(HavenErrorException.class);
            return (HavenErrorException) e.getCause();
        }
        throw new AssertionError("the request succeeded");
    }
}
