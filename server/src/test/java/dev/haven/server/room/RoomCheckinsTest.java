package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.CheckinClose;
import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.CheckinOpen;
import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.RequestFacilitator;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.CheckinOutcome;
import dev.haven.protocol.model.CheckinState;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinHistoryResult;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.CheckinResult;
import dev.haven.protocol.server.CheckinSendResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.care.CareServices;
import dev.haven.server.checkin.CheckinIds;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.Session;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Check-ins in a room without sockets: who is in a check-in and who hears nothing, per-thread
 * seq, alerts answered by a check-in, supervisors, the witness rule, closing and purging, and
 * the idle lifetime on the manual clock.
 */
class RoomCheckinsTest {
    private static final String ROOM = "group";
    private static final String SECRET = "only for you 5b1e";
    private static final String CRISIS = "I'm going to kill myself tonight";
    private static final String CONCERN = "I just want to die";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T19:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final FakeFrameEncoder encoder = new FakeFrameEncoder();
    private final List<ServerMessage> replies = new ArrayList<>();
    private final List<FakeSession> everyone = new ArrayList<>();
    private final HavenConfig config = TestServer.config(100);
    private CareServices care;
    private Room room;
    private FakeSession fac;
    private FakeSession fac2;
    private FakeSession alice;
    private FakeSession aliceTab;
    private FakeSession bob;
    private FakeSession sup;

    @BeforeEach
    void setUp() {
        room = room(false);
        fac = session("fac", "Fran", Role.FACILITATOR);
        fac2 = session("fac2", "Fay", Role.FACILITATOR);
        alice = session("alice", "Alice", Role.MEMBER);
        aliceTab = tab(alice);
        bob = session("bob", "Bob", Role.MEMBER);
        sup = session("sup", "Sue", Role.SUPERVISOR);
        for (FakeSession present : List.of(fac, alice, aliceTab, bob)) {
            joined(present);
        }
        care.supervisors().register(sup);
        clearAll();
    }

    private Room room(boolean witness) {
        care = CareServices.create(config, clock);
        RoomSettings settings = new RoomSettings(ROOM, "Group", RoomCategory.CONDITION, "topic", List.of(), 10, null,
                false).withCheckinWitness(witness);
        return new Room(settings, config, executor, clock, encoder, care);
    }

    // ------------------------------------------------------------------ helpers

    private FakeSession session(String id, String name, Role role) {
        return tab(new Identity(id, name, role, null, false));
    }

    private FakeSession tab(FakeSession of) {
        return tab(of.identity());
    }

    private FakeSession tab(Identity identity) {
        FakeSession session = new FakeSession(identity);
        everyone.add(session);
        return session;
    }

    private void clearAll() {
        everyone.forEach(s -> s.received.clear());
    }

    private ServerMessage call(Consumer<Consumer<ServerMessage>> action) {
        int before = replies.size();
        action.accept(replies::add);
        assertThat(replies).as("exactly one reply").hasSize(before + 1);
        return replies.get(before);
    }

    private void joined(Session session) {
        assertThat(call(reply -> room.join(session, new Join("j", ROOM, null, true), reply))).isInstanceOf(Ok.class);
    }

    private ServerMessage checkin(Session session, CheckinRequest request) {
        return call(reply -> room.checkin(session, request, reply));
    }

    private ServerMessage command(Session session, RoomRequest request) {
        return call(reply -> room.command(session, request, reply));
    }

    private CheckinInfo open(Session by, String user, String alertId) {
        ServerMessage reply = checkin(by, new CheckinOpen("o", ROOM, user, alertId));
        assertThat(reply).as("reply to open").isInstanceOf(Ok.class);
        return ((CheckinResult) ((Ok) reply).result()).checkin();
    }

    private long say(Session by, String checkin, String text) {
        return say(by, checkin, text, null).seq();
    }

    private CheckinSendResult say(Session by, String checkin, String text, String clientId) {
        ServerMessage reply = checkin(by, new CheckinSend("s", checkin, text, clientId));
        assertThat(reply).as("reply to checkin_send").isInstanceOf(Ok.class);
        return (CheckinSendResult) ((Ok) reply).result();
    }

    private CheckinHistoryResult history(Session by, String checkin, Long since) {
        ServerMessage reply = checkin(by, new CheckinHistory("h", checkin, since));
        assertThat(reply).as("reply to checkin_history").isInstanceOf(Ok.class);
        return (CheckinHistoryResult) ((Ok) reply).result();
    }

    private List<CheckinInfo> list(Session by) {
        List<List<CheckinInfo>> result = new ArrayList<>();
        room.listCheckins(by, result::add);
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    private static ErrorCode code(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    private static String message(ServerMessage reply) {
        return ((ErrorReply) reply).message();
    }

    private List<AuditEntry> audit() {
        return ((AuditResult) ((Ok) command(fac, new Audit("a", ROOM, null))).result()).entries();
    }

    private static List<CheckinInfo> checkinEvents(FakeSession session) {
        return session.received(CheckinEvent.class).stream().map(CheckinEvent::checkin).toList();
    }

    /** A bystander: no check-in, no message of one, no word that one exists. */
    private static void heardNothing(FakeSession session) {
        assertThat(session.received).as(session.identity().name()).noneMatch(m -> m instanceof CheckinEvent
                || m instanceof CheckinMessage || m instanceof Notice n && n.kind() == NoticeKind.REACHING_OUT);
    }

    private String crisisAlert(FakeSession member, String text) {
        assertThat(call(reply -> room.send(member, Send.text(ROOM, text), reply))).isInstanceOf(Ok.class);
        return fac.received(Alert.class).stream().filter(a -> a.kind() == AlertKind.CRISIS).reduce((a, b) -> b)
                .orElseThrow().alertId();
    }

    // ------------------------------------------------------------------ opening

    @Test
    void open_byFacilitator_reachesEveryTabOfTheMemberAndEveryFacilitator_andNobodyElse() {
        joined(fac2);
        clearAll();

        CheckinInfo opened = open(fac, "alice", null);

        assertThat(opened.room()).isEqualTo(ROOM);
        assertThat(CheckinIds.roomOf(opened.id())).as("the id names its room").isEqualTo(ROOM);
        assertThat(opened.member()).isEqualTo(new UserInfo("alice", "Alice", Role.MEMBER));
        assertThat(opened.openedBy()).isEqualTo(new UserInfo("fac", "Fran", Role.FACILITATOR));
        assertThat(opened.state()).isEqualTo(CheckinState.OPEN);
        assertThat(opened.seq()).isZero();
        assertThat(opened.staff()).extracting(UserInfo::id).containsExactly("fac", "fac2");
        assertThat(opened.awaitingWitness()).isNull();
        for (FakeSession inIt : List.of(fac, fac2, alice, aliceTab)) {
            assertThat(inIt.received).as(inIt.identity().name()).containsExactly(new CheckinEvent(opened));
        }
        heardNothing(bob);
        heardNothing(sup);
        assertThat(audit()).first().isEqualTo(new AuditEntry(clock.millis(), "fac", "checkin_open", "alice", null,
                "Fran", "Alice"));
    }

    @Test
    void open_again_returnsTheSameCheckin_andTellsNobodyAgain() {
        CheckinInfo first = open(fac, "alice", null);
        clearAll();

        assertThat(open(fac, "alice", null).id()).isEqualTo(first.id());
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    @Test
    void open_byMember_onStaff_onAbsentUser_orOutsideTheRoom_isRefused() {
        assertThat(code(checkin(bob, new CheckinOpen("o", ROOM, "alice", null)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(checkin(fac, new CheckinOpen("o", ROOM, "fac", null)))).isEqualTo(ErrorCode.FORBIDDEN);
        joined(fac2);
        assertThat(code(checkin(fac, new CheckinOpen("o", ROOM, "fac2", null)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(checkin(fac, new CheckinOpen("o", ROOM, "zed", null)))).isEqualTo(ErrorCode.NOT_FOUND);
        FakeSession outside = session("fac3", "Flo", Role.FACILITATOR);
        assertThat(code(checkin(outside, new CheckinOpen("o", ROOM, "alice", null)))).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(code(checkin(sup, new CheckinOpen("o", ROOM, "alice", null)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(checkin(fac, new CheckinOpen("o", ROOM, "alice", "alert-none")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(list(alice)).isEmpty();
    }

    // ------------------------------------------------------------------ messages

    @Test
    void send_bothWays_givesGaplessSeq_inOneOrderForEveryone_andNothingToBystanders() {
        String id = open(fac, "alice", null).id();
        joined(fac2);
        clearAll();

        assertThat(say(fac, id, "How are you doing tonight?")).isEqualTo(1);
        assertThat(say(aliceTab, id, SECRET)).isEqualTo(2);
        assertThat(say(fac2, id, "I'm here too.")).isEqualTo(3);

        for (FakeSession inIt : List.of(fac, fac2, alice, aliceTab)) {
            assertThat(inIt.received(CheckinMessage.class)).as(inIt.identity().name())
                    .extracting(CheckinMessage::seq, m -> m.from().id())
                    .containsExactly(tuple(1L, "fac"),
                            tuple(2L, "alice"),
                            tuple(3L, "fac2"));
        }
        heardNothing(bob);
        heardNothing(sup);
        assertThat(history(alice, id, 1L).messages()).extracting(CheckinMessage::seq).containsExactly(2L, 3L);
        assertThat(audit()).allSatisfy(e -> assertThat(e.toString() + e.reason()).doesNotContain(SECRET));
    }

    @Test
    void requests_fromOutsideTheCheckin_getTheSameAnswerAsForNoCheckin() {
        String id = open(fac, "alice", null).id();
        String unknown = "ck:" + ROOM + ":0000000000000000";

        ServerMessage bystander = checkin(bob, CheckinSend.text(id, "hello?"));
        ServerMessage none = checkin(bob, CheckinSend.text(unknown, "hello?"));

        assertThat(code(bystander)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(message(bystander)).isEqualTo(message(none));
        assertThat(code(checkin(bob, new CheckinHistory("h", id, null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(checkin(bob, new CheckinClose("c", id, null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(checkin(sup, CheckinSend.text(id, "hi")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(list(bob)).isEmpty();
        heardNothing(bob);
    }

    @Test
    void send_overTheTextLimit_isTooLarge_andNothingIsSent() {
        String id = open(fac, "alice", null).id();
        clearAll();

        ServerMessage reply = checkin(alice, CheckinSend.text(id, "x".repeat(config.limits().maxTextChars() + 1)));

        assertThat(code(reply)).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    @Test
    void send_repeatedClientId_isDuplicateWithTheFirstSeq_andNotDeliveredAgain() {
        String id = open(fac, "alice", null).id();
        clearAll();

        CheckinSendResult first = say(alice, id, "are you there?", "c-1");
        CheckinSendResult retry = say(alice, id, "are you there?", "c-1");
        CheckinSendResult other = say(fac, id, "yes", "c-1");

        assertThat(first).isEqualTo(CheckinSendResult.accepted(1));
        assertThat(retry).isEqualTo(CheckinSendResult.duplicateOf(1));
        assertThat(other).as("another user's clientId is its own").isEqualTo(CheckinSendResult.accepted(2));
        assertThat(fac.received(CheckinMessage.class)).extracting(CheckinMessage::seq).containsExactly(1L, 2L);
    }

    // ------------------------------------------------------------------ alerts

    @Test
    void open_fromAnAlert_acknowledgesItAsReachingOut_andTellsTheMemberCalmly() {
        joined(fac2);
        String alertId = crisisAlert(alice, CRISIS);
        clearAll();

        CheckinInfo opened = open(fac, "alice", alertId);

        assertThat(opened.alertId()).isEqualTo(alertId);
        for (FakeSession staff : List.of(fac, fac2)) {
            assertThat(staff.received(Alert.class)).singleElement().satisfies(update -> {
                assertThat(update.kind()).isEqualTo(AlertKind.CRISIS_UPDATE);
                assertThat(update.by()).isEqualTo("fac");
                assertThat(update.action()).isEqualTo(AlertAction.REACHING_OUT);
            });
        }
        Notice notice = alice.received(Notice.class).get(0);
        assertThat(notice.kind()).isEqualTo(NoticeKind.REACHING_OUT);
        assertThat(notice.by().name()).isEqualTo("Fran");
        assertThat(notice.text()).isEqualTo("Fran from the group would like to check in with you, privately."
                + " Only you and the group's staff can see it.");
        assertThat(checkinEvents(aliceTab)).containsExactly(opened);
        heardNothing(bob);
        assertThat(audit()).extracting(AuditEntry::action).startsWith("ack_alert", "checkin_open");
    }

    @Test
    void ackAlert_reachingOut_tellsTheMember_butHandledDoesNot() {
        assertThat(command(alice, new RequestFacilitator("r", ROOM, null))).isInstanceOf(Ok.class);
        String request = fac.received(Alert.class).get(0).alertId();
        clearAll();

        assertThat(command(fac, new AckAlert("a", ROOM, request, AlertAction.REACHING_OUT))).isInstanceOf(Ok.class);
        assertThat(alice.received(Notice.class)).extracting(Notice::kind, n -> n.by().id())
                .containsExactly(tuple(NoticeKind.REACHING_OUT, "fac"));
        assertThat(aliceTab.received(Notice.class)).hasSize(1);
        clearAll();

        assertThat(command(fac, new AckAlert("a", ROOM, request, AlertAction.HANDLED))).isInstanceOf(Ok.class);
        assertThat(alice.received).isEmpty();
        heardNothing(bob);
    }

    @Test
    void supervisor_opensOrJoinsOnlyFromAnEscalatedAlert_andThenHearsTheCheckin() {
        String alertId = crisisAlert(alice, CRISIS);
        String id = open(fac, "alice", null).id();
        assertThat(code(checkin(sup, new CheckinOpen("o", ROOM, "alice", alertId)))).as("not escalated yet")
                .isEqualTo(ErrorCode.FORBIDDEN);
        executor.advance(Duration.ofSeconds(61));
        executor.advance(Duration.ofSeconds(61));
        assertThat(sup.received(Alert.class)).anySatisfy(a -> assertThat(a.escalated()).isTrue());
        clearAll();

        CheckinInfo joinedIt = open(sup, "alice", alertId);

        assertThat(joinedIt.id()).isEqualTo(id);
        assertThat(joinedIt.staff()).extracting(UserInfo::id).containsExactly("fac", "sup");
        for (FakeSession inIt : List.of(fac, alice, aliceTab, sup)) {
            assertThat(checkinEvents(inIt)).as(inIt.identity().name()).containsExactly(joinedIt);
        }
        assertThat(alice.received(Notice.class)).extracting(n -> n.by().name()).containsExactly("Sue");
        assertThat(alice.received(Notice.class).get(0).text()).startsWith("Sue from the support team");
        heardNothing(bob);
        clearAll();

        say(alice, id, "thank you");
        assertThat(sup.received(CheckinMessage.class)).extracting(CheckinMessage::seq).containsExactly(1L);
        assertThat(list(sup)).extracting(CheckinInfo::id).containsExactly(id);
    }

    @Test
    void crisisWords_inTheCheckin_raiseNoNewAlertWhileStaffRead_butRaiseTheOpenAlertsTier() {
        String alertId = crisisAlert(alice, CONCERN);
        assertThat(fac.received(Alert.class)).last().extracting(Alert::tier).isEqualTo(CrisisTier.CONCERN);
        String id = open(fac, "alice", alertId).id();
        clearAll();

        say(alice, id, CRISIS);

        assertThat(fac.received(Alert.class)).isEmpty();
        assertThat(alice.received(Notice.class)).isEmpty();
        FakeSession fac3 = session("fac3", "Flo", Role.FACILITATOR);
        joined(fac3);
        assertThat(fac3.received(Alert.class)).singleElement().satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo(alertId);
            assertThat(alert.tier()).isEqualTo(CrisisTier.HIGH);
        });
    }

    @Test
    void crisisWords_inACheckinNoStaffCanRead_openAnAlertThatReachesTheSupervisors() {
        String id = open(fac, "alice", null).id();
        room.disconnect(fac);
        clearAll();

        say(alice, id, CRISIS);

        assertThat(sup.received(Alert.class)).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CRISIS);
            assertThat(alert.member()).isEqualTo("alice");
            assertThat(alert.seq()).isNull();
            assertThat(alert.escalated()).isTrue();
        });
        assertThat(alice.received(Notice.class)).extracting(Notice::kind).containsExactly(NoticeKind.SUPPORT);
        assertThat(sup.received.toString()).doesNotContain("kill");
    }

    // ------------------------------------------------------------------ witness

    @Test
    void witnessRoom_carriesNoMessage_untilTwoStaffAreInTheCheckin() {
        room = room(true);
        for (FakeSession present : List.of(fac, alice, bob)) {
            joined(present);
        }
        CheckinInfo opened = open(fac, "alice", null);
        assertThat(opened.checkinWitness()).isTrue();
        assertThat(opened.awaitingWitness()).isTrue();
        clearAll();

        assertThat(code(checkin(alice, CheckinSend.text(opened.id(), "hello")))).isEqualTo(ErrorCode.WITNESS_REQUIRED);
        assertThat(code(checkin(fac, CheckinSend.text(opened.id(), "hello")))).isEqualTo(ErrorCode.WITNESS_REQUIRED);
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());

        joined(fac2);

        for (FakeSession inIt : List.of(fac, fac2, alice)) {
            assertThat(checkinEvents(inIt)).as(inIt.identity().name()).singleElement()
                    .satisfies(info -> assertThat(info.awaitingWitness()).isNull());
        }
        assertThat(say(alice, opened.id(), "hello")).isEqualTo(1);
        heardNothing(bob);
    }

    // ------------------------------------------------------------------ closing

    @Test
    void close_withOutcome_tellsEveryoneInIt_auditsTheOutcome_andNothingReadsBack() {
        String id = open(fac, "alice", null).id();
        say(alice, id, SECRET);
        assertThat(code(checkin(alice, new CheckinClose("c", id, CheckinOutcome.RESOLVED))))
                .as("outcome is staff only").isEqualTo(ErrorCode.FORBIDDEN);
        clearAll();

        assertThat(checkin(fac, new CheckinClose("c", id, CheckinOutcome.REFERRED))).isEqualTo(Ok.empty("c"));

        for (FakeSession inIt : List.of(fac, alice, aliceTab)) {
            assertThat(checkinEvents(inIt)).singleElement().satisfies(info -> {
                assertThat(info.state()).isEqualTo(CheckinState.CLOSED);
                assertThat(info.closedBy().id()).isEqualTo("fac");
            });
        }
        heardNothing(bob);
        assertThat(code(checkin(alice, new CheckinHistory("h", id, null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(checkin(fac, CheckinSend.text(id, "one more")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(list(alice)).isEmpty();
        assertThat(audit()).first().isEqualTo(new AuditEntry(clock.millis(), "fac", "checkin_close", "alice",
                "referred", "Fran", "Alice"));
        assertThat(open(fac, "alice", null).id()).as("a new one").isNotEqualTo(id);
    }

    @Test
    void member_mayCloseWithoutOutcome() {
        String id = open(fac, "alice", null).id();
        clearAll();

        assertThat(checkin(alice, new CheckinClose("c", id, null))).isEqualTo(Ok.empty("c"));

        assertThat(checkinEvents(fac)).singleElement().extracting(CheckinInfo::state).isEqualTo(CheckinState.CLOSED);
        assertThat(audit()).first().extracting(AuditEntry::actor, AuditEntry::reason)
                .containsExactly("alice", null);
    }

    @Test
    void sessionClose_endsEveryCheckin_beforeTheMembersAreOut_andPurgesIt() {
        String id = open(fac, "alice", null).id();
        say(alice, id, SECRET);
        clearAll();

        command(fac, new CloseSession("c", ROOM, null, null));
        executor.advance(Duration.ofMinutes(2));

        List<ServerMessage> seen = alice.received;
        int closedAt = seen.indexOf(seen.stream().filter(CheckinEvent.class::isInstance).findFirst().orElseThrow());
        int outAt = seen.indexOf(seen.stream().filter(m -> m instanceof Notice n
                && n.kind() == NoticeKind.SESSION_CLOSED).findFirst().orElseThrow());
        assertThat(closedAt).isLessThan(outAt);
        assertThat(((CheckinEvent) seen.get(closedAt)).checkin().state()).isEqualTo(CheckinState.CLOSED);
        assertThat(((CheckinEvent) seen.get(closedAt)).checkin().closedBy()).isNull();
        assertThat(bob.received(CheckinEvent.class)).isEmpty();
        assertThat(code(checkin(alice, new CheckinHistory("h", id, null)))).isEqualTo(ErrorCode.NOT_FOUND);
        joined(fac);
        assertThat(audit()).extracting(AuditEntry::action, AuditEntry::reason)
                .contains(tuple("checkin_close", "session_closed"));
    }

    @Test
    void idleCheckin_closesAfterItsLifetime_andNotBefore() {
        String id = open(fac, "alice", null).id();
        long idle = config.checkins().idleSeconds();
        executor.advance(Duration.ofSeconds(idle - 10));
        say(alice, id, "still here");
        clearAll();

        executor.advance(Duration.ofSeconds(idle - 1));
        assertThat(checkinEvents(fac)).isEmpty();
        executor.advance(Duration.ofSeconds(1));

        assertThat(checkinEvents(fac)).singleElement().extracting(CheckinInfo::state).isEqualTo(CheckinState.CLOSED);
        assertThat(checkinEvents(alice)).hasSize(1);
        assertThat(code(checkin(alice, new CheckinHistory("h", id, null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(audit()).first().extracting(AuditEntry::actor, AuditEntry::reason).containsExactly(null, "idle");
    }

    // ------------------------------------------------------------------ connections

    @Test
    void reconnect_findsTheCheckinAndItsHistory_andHearsItFromThen() {
        String id = open(fac, "alice", null).id();
        say(fac, id, "first");
        say(alice, id, "second");
        room.disconnect(alice);
        room.disconnect(aliceTab);
        say(fac, id, "while you were away");
        FakeSession back = tab(alice);

        assertThat(list(back)).extracting(CheckinInfo::id, CheckinInfo::seq)
                .containsExactly(tuple(id, 3L));
        CheckinHistoryResult missed = history(back, id, 2L);
        assertThat(missed.messages()).extracting(CheckinMessage::text).containsExactly("while you were away");
        assertThat(missed.gap()).isFalse();

        say(fac, id, "welcome back");
        assertThat(back.received(CheckinMessage.class)).extracting(CheckinMessage::seq).containsExactly(4L);
        assertThat(alice.received(CheckinMessage.class)).extracting(CheckinMessage::seq).containsExactly(1L, 2L);
    }

    @Test
    void memberWhoLeavesTheRoom_keepsHearingTheCheckin_andANewTabIsToldOfIt() {
        String id = open(fac, "alice", null).id();
        call(reply -> room.leave(aliceTab, "l", reply));
        call(reply -> room.leave(alice, "l", reply));
        clearAll();

        say(fac, id, "are you ok?");
        assertThat(alice.received(CheckinMessage.class)).hasSize(1);
        assertThat(aliceTab.received(CheckinMessage.class)).hasSize(1);

        FakeSession third = tab(alice);
        joined(third);
        assertThat(checkinEvents(third)).extracting(CheckinInfo::id).containsExactly(id);
        heardNothing(bob);
    }
}
