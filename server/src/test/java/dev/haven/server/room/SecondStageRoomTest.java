package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.care.CareServices;
import dev.haven.server.care.detect.Tier;
import dev.haven.server.care.model.SecondStage;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second stage in a room without sockets: the model's reads wait in a queue the test runs
 * by hand (as its own thread would, later), and its answers re-enter the room's executor. A fake
 * model finds a crisis in any message that holds "[crisis]" ("[high]" for the high tier).
 */
class SecondStageRoomTest {
    private static final String ROOM = "group";
    private static final String QUIET_CRISIS = "everything feels so heavy lately [crisis]";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final Queue<Runnable> modelQueue = new ArrayDeque<>();
    private final List<String> modelRead = new ArrayList<>();
    private final List<FakeSession> everyone = new ArrayList<>();
    private Room room;
    private FakeSession fac;
    private FakeSession alice;
    private FakeSession bob;

    @BeforeEach
    void setUp() {
        HavenConfig config = TestServer.config(100);
        config = config.withCare(config.care().withModel(false));
        SecondStage model = new SecondStage(text -> {
            modelRead.add(text);
            return text.contains("[high]") ? Tier.HIGH : text.contains("[crisis]") ? Tier.CONCERN : Tier.NONE;
        }, modelQueue::add, 256, 64_000, clock);
        CareServices care = CareServices.create(config, clock).withSecondStage(model);
        room = new Room(new RoomSettings(ROOM, "Group", RoomCategory.CONDITION, "topic", List.of(), 10, null, false),
                config, executor, clock, new FakeFrameEncoder(), care);
        fac = join("fac", "Fran", Role.FACILITATOR);
        alice = join("alice", "Alice", Role.MEMBER);
        bob = join("bob", "Bob", Role.MEMBER);
        everyone.forEach(s -> s.received.clear());
    }

    private FakeSession join(String id, String name, Role role) {
        FakeSession session = new FakeSession(new Identity(id, name, role, null, false));
        everyone.add(session);
        room.join(session, new Join("j", ROOM, null, true), reply -> assertThat(reply).isInstanceOf(Ok.class));
        return session;
    }

    private long send(FakeSession session, String text) {
        List<ServerMessage> replies = new ArrayList<>();
        room.send(session, new Send("s", ROOM, text, null), replies::add);
        return ((SendResult) ((Ok) replies.get(0)).result()).seq();
    }

    /** What the model's thread would do next: read everything queued, answer the room. */
    private void runModel() {
        while (!modelQueue.isEmpty()) {
            modelQueue.poll().run();
        }
    }

    private static List<Alert> crisisAlerts(FakeSession session) {
        return session.received(Alert.class).stream().filter(a -> a.kind() == AlertKind.CRISIS).toList();
    }

    private static List<Notice> support(FakeSession session) {
        return session.received(Notice.class).stream().filter(n -> n.kind() == NoticeKind.SUPPORT).toList();
    }

    @Test
    void aMessageTheModelFinds_isDeliveredFirst_thenFacilitatorsAreAlerted_andTheMemberIsToldNothing() {
        long seq = send(alice, QUIET_CRISIS);
        for (FakeSession s : everyone) {
            assertThat(s.received(MessageEvent.class)).as("delivered before the model read it").hasSize(1);
        }
        assertThat(crisisAlerts(fac)).as("nothing until the model has read it").isEmpty();

        runModel();

        assertThat(crisisAlerts(fac)).singleElement().satisfies(alert -> {
            assertThat(alert.member()).isEqualTo("alice");
            assertThat(alert.tier()).isEqualTo(CrisisTier.CONCERN);
            assertThat(alert.seq()).isEqualTo(seq);
        });
        assertThat(support(alice)).as("no support note for the model's alert").isEmpty();
        assertThat(alice.received(Alert.class)).isEmpty();
        assertThat(bob.received).as("the room sees only the message").hasSize(1);
    }

    @Test
    void theModelsAlert_escalatesAndIsAcknowledged_likeAnyOther() {
        send(alice, "I can't see a way through this [high]");
        runModel();
        Alert opened = crisisAlerts(fac).get(0);
        assertThat(opened.tier()).isEqualTo(CrisisTier.HIGH);

        executor.advance(Duration.ofSeconds(61));
        assertThat(crisisAlerts(fac)).last().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(opened.alertId());
            assertThat(a.urgent()).isTrue();
        });
        room.command(fac, new AckAlert("a", ROOM, opened.alertId(), AlertAction.REACHING_OUT),
                reply -> assertThat(reply).isInstanceOf(Ok.class));
        assertThat(fac.received(Alert.class)).anyMatch(a -> a.kind() == AlertKind.CRISIS_UPDATE);
    }

    @Test
    void aLexiconMatchAfterTheModelsAlert_bringsTheMemberTheNote_onTheSameAlert() {
        send(alice, QUIET_CRISIS);
        runModel();
        String alertId = crisisAlerts(fac).get(0).alertId();

        send(alice, "I just want to die");

        assertThat(crisisAlerts(fac)).as("no second alert").hasSize(1);
        assertThat(support(alice)).singleElement().satisfies(n -> assertThat(n.alertId()).isEqualTo(alertId));
    }

    @Test
    void lexiconMatchesAndStaffMessages_neverGoToTheModel() {
        send(alice, "I'm going to kill myself tonight [crisis]");
        send(fac, "how is everyone [crisis]");
        send(bob, "hello all");
        runModel();
        assertThat(modelRead).containsExactly("hello all");
        assertThat(crisisAlerts(fac)).as("the lexicon's alert alone").hasSize(1);
        assertThat(support(alice)).hasSize(1);
    }

    @Test
    void anAnswerForAPurgedSession_isDropped() {
        send(alice, QUIET_CRISIS);
        room.care.purge();
        runModel();
        assertThat(crisisAlerts(fac)).isEmpty();
    }
}
