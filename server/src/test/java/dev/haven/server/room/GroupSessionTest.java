package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Mood;
import dev.haven.protocol.client.MoodPoll;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.RoundStart;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.care.CareServices;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The room's side of sessions without sockets: what the room gives the duty-of-care seam, the
 * purge's reach into the room's own state, and random turn order from the injected random.
 */
class GroupSessionTest {
    private static final String ROOM = "group";
    /** The built-in helplines, and a room for US veterans that requires a facilitator. */
    private static final HavenConfig CONFIG = TestServer.config(100)
            .withResources(new ConfigLoader().load(null, Map.of()).resources());

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T18:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final List<ServerMessage> replies = new ArrayList<>();
    private final CareServices care = CareServices.create(CONFIG.withCare(CONFIG.care().withModel(false)), clock);
    private final Room room = new Room(new RoomSettings(ROOM, "Group", RoomCategory.DEMOGRAPHIC, "topic", List.of(),
            10, "Be kind.", false, "US", "veterans", null).withRequireFacilitator(true), CONFIG, executor, clock,
            new FakeFrameEncoder(), care, new Random(3));
    private final FakeSession fac = session("fac", Role.FACILITATOR);
    private final FakeSession ann = session("ann", Role.MEMBER);
    private final FakeSession ben = session("ben", Role.MEMBER);
    private final FakeSession cat = session("cat", Role.MEMBER);

    private static FakeSession session(String id, Role role) {
        return new FakeSession(new Identity(id, "Name " + id, role, null, false));
    }

    private ServerMessage call(java.util.function.Consumer<java.util.function.Consumer<ServerMessage>> action) {
        int before = replies.size();
        action.accept(replies::add);
        assertThat(replies).hasSize(before + 1);
        return replies.get(before);
    }

    private ServerMessage join(FakeSession session) {
        return call(reply -> room.join(session, new Join("j", ROOM, null, true), reply));
    }

    private ServerMessage command(FakeSession session, RoomRequest request) {
        return call(reply -> room.command(session, request, reply));
    }

    private ServerMessage send(FakeSession session, String text) {
        return call(reply -> room.send(session, new Send("s", ROOM, text, null), reply));
    }

    private static ErrorCode code(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    private void openWithEveryone() {
        join(fac);
        join(ann);
        join(ben);
        join(cat);
        assertThat(command(fac, new OpenSession("o", ROOM))).isInstanceOf(Ok.class);
    }

    @Test
    void unfacilitated_givesMembersTheRoomsAlwaysOpenCards_andTellsTheSupervisors() {
        FakeSession supervisor = new FakeSession(new Identity("sup", "Sol", Role.SUPERVISOR, null, false));
        care.supervisors().register(supervisor);
        openWithEveryone();
        room.leave(fac, "l", replies::add);
        executor.advance(Duration.ofSeconds(90));

        Notice notice = ann.received(Notice.class).get(0);
        assertThat(notice.kind()).isEqualTo(NoticeKind.UNFACILITATED);
        assertThat(notice.resources()).isEqualTo(care.resources().supportCards(room.settings, true))
                .extracting(ResourceCard::id).startsWith("us-veterans-crisis-line").contains("int-findahelpline");
        assertThat(notice.resources()).allSatisfy(card -> assertThat(card.alwaysOpen()).isTrue());
        assertThat(notice.text()).contains("these services can help");
        assertThat(supervisor.received(Alert.class)).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.UNFACILITATED);
            assertThat(alert.room()).isEqualTo(ROOM);
            assertThat(alert.ts()).isEqualTo(clock.millis());
        });
        assertThat(ann.received(Alert.class)).isEmpty();
        assertThat(room.info().state()).isEqualTo(RoomState.UNFACILITATED);
    }

    @Test
    void closeDue_purgesTheRoomsOwnStateOfTheSession_andTellsWhoeverWaits() {
        openWithEveryone();
        command(fac, new SetRoom("s", ROOM, null, 30, true, Admission.APPROVAL));
        FakeSession waiter = session("dan", Role.MEMBER);
        assertThat(((JoinResult) ((Ok) join(waiter)).result()).waiting()).isTrue();
        command(fac, new SetRoom("s", ROOM, true, 0, false, null));
        send(ann, "my story");
        command(fac, new MoodPoll("p", ROOM, MoodPhase.CHECK_OUT, 600L));
        command(ann, new Mood("m", ROOM, "poll-1", 2, false));

        command(fac, new CloseSession("c", ROOM, 1L, null));
        executor.advance(Duration.ofSeconds(1));

        assertThat(waiter.received(Notice.class)).extracting(Notice::kind).containsExactly(NoticeKind.SESSION_CLOSED);
        assertThat(room.presence.size()).isZero();
        assertThat(room.history.size()).isZero();
        assertThat(room.waiting.all()).isEmpty();
        assertThat(room.group.round()).isNull();
        assertThat(room.group.poll()).isNull();
        assertThat(room.info().locked()).isFalse();
        assertThat(room.info().admission()).isEqualTo(Admission.OPEN);
        assertThat(room.info().slowModeSeconds()).isZero();
        assertThat(room.info().state()).isEqualTo(RoomState.LOBBY);
        assertThat(room.info().members()).isZero();
        assertThat(executor.heldCount()).isZero();
        executor.advance(Duration.ofHours(1));
        assertThat(ann.received.get(ann.received.size() - 1)).isInstanceOf(Notice.class)
                .extracting(m -> ((Notice) m).kind()).isEqualTo(NoticeKind.SESSION_CLOSED);
    }

    @Test
    void closeDue_purgesReportsStillWaitingForAFacilitator() {
        openWithEveryone();
        command(fac, new CloseSession("c", ROOM, 60L, null));
        room.leave(fac, "l", replies::add);
        send(ann, "my story");
        assertThat(command(ben, new Report("r", ROOM, 1L, "worried"))).isInstanceOf(Ok.class);
        assertThat(room.pendingReports.isEmpty()).isFalse();

        executor.advance(Duration.ofSeconds(60));

        assertThat(room.pendingReports.isEmpty()).isTrue();
        FakeSession again = session("fac", Role.FACILITATOR);
        join(again);
        executor.advance(Duration.ofSeconds(1));
        assertThat(again.received(Alert.class)).isEmpty();
    }

    @Test
    void randomOrder_takesItsOrderFromTheInjectedRandom() {
        openWithEveryone();
        command(fac, new RoundStart("r", ROOM, RoundKind.GO_ROUND, "What helped?", null, RoundOrder.RANDOM, null, null));

        RoundEvent round = ann.received(RoundEvent.class).get(0);
        List<String> expected = new ArrayList<>(List.of("ann", "ben", "cat"));
        Collections.shuffle(expected, new Random(3));
        List<String> order = new ArrayList<>();
        order.add(round.speaker());
        order.addAll(round.queue());
        assertThat(order).isEqualTo(expected);
    }

    @Test
    void roundStart_withNoMemberPresent_isRefused() {
        join(fac);
        command(fac, new OpenSession("o", ROOM));
        assertThat(code(command(fac, new RoundStart("r", ROOM, RoundKind.CHECK_IN, "Hi", null, null, null, null))))
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void lobby_refusesMembersSend_butNotAFacilitators() {
        join(fac);
        join(ann);
        assertThat(code(send(ann, "hello?"))).isEqualTo(ErrorCode.SESSION_NOT_OPEN);
        assertThat(send(fac, "welcome")).isInstanceOf(Ok.class);
    }
}
