package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.haven.client.testing.HavenTestServer;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Unmute;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Participation;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.StatsResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The members' tools and facilitators' commands through {@link HavenRoom}, against a real server. */
class HavenRoomTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String LOUNGE = HavenTestServer.LOUNGE;

    private final HavenTestServer server = HavenTestServer.start();
    private final List<HavenClient> clients = new ArrayList<>();
    private final Map<HavenClient, String> userIds = new HashMap<>();
    private final RecordingListener franHears = new RecordingListener();
    private final RecordingListener samHears = new RecordingListener();
    private final RecordingListener kimHears = new RecordingListener();
    private HavenClient fran;
    private HavenClient sam;
    private HavenClient kim;
    private String samId;

    @BeforeEach
    void meetInTheLounge() throws Exception {
        fran = connect(Hello.withToken(server.token("fac-1", "Fran", Role.FACILITATOR)), franHears);
        sam = connect(Hello.guest("Sam"), samHears);
        samId = userIds.get(sam);
        kim = connect(Hello.guest("Kim"), kimHears);
        for (HavenClient client : List.of(fran, sam, kim)) {
            get(client.join(LOUNGE, null));
        }
    }

    @AfterEach
    void stop() {
        clients.forEach(HavenClient::close);
        server.stop();
    }

    @Test
    void mute_reachesOnlyTheMember_privately_andItsSendsAreRefused() throws Exception {
        get(fran.room(LOUNGE).mute(samId, 300L, "a pause"));

        await().atMost(TIMEOUT).until(() -> !samHears.notices.isEmpty());
        Notice notice = samHears.notices.get(0);
        assertThat(notice.kind()).isEqualTo(NoticeKind.MUTED);
        assertThat(notice.reason()).isEqualTo("a pause");
        assertThat(notice.until()).isBetween(System.currentTimeMillis() + 290_000, System.currentTimeMillis() + 300_000);
        assertThat(errorOf(sam.send(LOUNGE, "hello?")).code()).isEqualTo(ErrorCode.MUTED);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(franHears.presences)
                .anyMatch(p -> p.event() == PresenceKind.UPDATE && Boolean.TRUE.equals(p.member().muted())));

        get(fran.request(new Unmute(null, LOUNGE, samId)));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(samHears.notices).extracting(Notice::kind)
                .containsExactly(NoticeKind.MUTED, NoticeKind.UNMUTED));
        assertThat(get(sam.send(LOUNGE, "thank you")).seq()).isEqualTo(1);
        assertThat(kimHears.notices).isEmpty();
        assertThat(kimHears.presences).noneMatch(p -> p.member().muted() != null);
    }

    @Test
    void handsAndReports_alertTheFacilitatorAlone() throws Exception {
        long seq = get(kim.send(LOUNGE, "something hurtful")).seq();

        get(sam.room(LOUNGE).raiseHand());
        get(sam.room(LOUNGE).report(seq, "this hurt"));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(franHears.alerts).extracting(a -> a.kind())
                .containsExactly(AlertKind.HAND_RAISED, AlertKind.REPORT));
        assertThat(franHears.alerts.get(0).name()).isEqualTo("Sam");
        assertThat(franHears.alerts.get(1).by()).isEqualTo(samId);
        assertThat(franHears.alerts.get(1).seq()).isEqualTo(seq);
        assertThat(samHears.alerts).isEmpty();
        assertThat(kimHears.alerts).isEmpty();
    }

    @Test
    void deleteAndSettings_reachEveryone() throws Exception {
        long seq = get(kim.send(LOUNGE, "oops")).seq();

        get(fran.room(LOUNGE).delete(seq));
        get(fran.room(LOUNGE).slowMode(30));

        for (RecordingListener hears : List.of(franHears, samHears, kimHears)) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(hears.deletions).singleElement().satisfies(d -> assertThat(d.seq()).isEqualTo(seq));
                assertThat(hears.roomUpdates).singleElement()
                        .satisfies(u -> assertThat(u.room().slowModeSeconds()).isEqualTo(30));
            });
        }
    }

    @Test
    void facilitatorsCommands_areForbiddenToAMember() throws Exception {
        assertThat(errorOf(kim.room(LOUNGE).remove(samId, null)).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(errorOf(kim.room(LOUNGE).stats()).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void remove_tellsTheMember_andTheAuditAndStatsShowIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            get(sam.send(LOUNGE, "a long line from Sam, number " + i));
        }

        StatsResult stats = get(fran.room(LOUNGE).stats());
        assertThat(stats.dominant()).containsExactly(samId);
        assertThat(stats.members()).extracting(Participation::name).contains("Sam", "Kim", "Fran");

        get(fran.room(LOUNGE).remove(samId, "needs a break"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(samHears.notices).extracting(Notice::kind)
                .containsExactly(NoticeKind.REMOVED));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(kimHears.presences)
                .anyMatch(p -> p.event() == PresenceKind.LEAVE && p.member().id().equals(samId)));
        assertThat(errorOf(sam.send(LOUNGE, "still here?")).code()).isEqualTo(ErrorCode.NOT_IN_ROOM);

        List<AuditEntry> audit = get(fran.room(LOUNGE).audit(10)).entries();
        assertThat(audit).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("remove");
            assertThat(e.actor()).isEqualTo("fac-1");
            assertThat(e.target()).isEqualTo(samId);
            assertThat(e.reason()).isEqualTo("needs a break");
        });
    }

    private HavenClient connect(Hello hello, RecordingListener listener) throws Exception {
        HavenClient client = get(HavenClient.connect(server.url(), listener));
        clients.add(client);
        userIds.put(client, get(client.hello(hello)).user().id());
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
