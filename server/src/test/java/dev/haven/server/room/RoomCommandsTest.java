package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Admit;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Deny;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.LowerHand;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.RaiseHand;
import dev.haven.protocol.client.Remove;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.Stats;
import dev.haven.protocol.client.Unban;
import dev.haven.protocol.client.Unmute;
import dev.haven.protocol.client.Voice;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Participation;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.protocol.server.StatsResult;
import dev.haven.server.auth.Identity;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.ModerationSettings;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Members' tools and facilitators' commands on a room without sockets: tasks run inline, timers
 * fire when the test advances the manual clock, and fake sessions record what reaches them.
 */
class RoomCommandsTest {
    private static final String ROOM = "group";
    /** Message text that must never show up in the audit log. */
    private static final String SECRET_TEXT = "my private story 7f3a";
    private static final String WARN_TEXT = "please keep it gentle 91c2";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final FakeFrameEncoder encoder = new FakeFrameEncoder();
    private final List<ServerMessage> replies = new ArrayList<>();
    private final List<FakeSession> everyone = new ArrayList<>();

    private Room room;
    private FakeSession fac;
    private FakeSession fac2;
    private FakeSession alice;
    private FakeSession bob;
    private FakeSession carol;

    @BeforeEach
    void setUp() {
        RoomSettings settings = new RoomSettings(ROOM, "Group", RoomCategory.CONDITION, "topic", List.of("t"), 10,
                null, false);
        room = new Room(settings, TestServer.config(100), executor, clock, encoder);
        fac = session("fac", "Fran", Role.FACILITATOR, false);
        fac2 = session("fac2", "Fay", Role.FACILITATOR, false);
        alice = session("alice", "Alice", Role.MEMBER, false);
        bob = session("bob", "Bob", Role.MEMBER, false);
        carol = session("carol", "Carol", Role.MEMBER, false);
        joined(fac);
        joined(alice);
        joined(bob);
        clearAll();
    }

    // ------------------------------------------------------------------ helpers

    private FakeSession session(String id, String name, Role role, boolean guest) {
        return tab(new Identity(id, name, role, null, guest));
    }

    /** Another connection of the same user (a second tab). */
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

    /** Runs one room call and returns its single reply. */
    private ServerMessage call(Consumer<Consumer<ServerMessage>> action) {
        int before = replies.size();
        action.accept(replies::add);
        assertThat(replies).as("exactly one reply").hasSize(before + 1);
        return replies.get(before);
    }

    private ServerMessage join(Session session) {
        return call(reply -> room.join(session, new Join("j", ROOM, null, true), reply));
    }

    private ServerMessage join(Session session, long since) {
        return call(reply -> room.join(session, new Join("j", ROOM, since, true), reply));
    }

    private JoinResult joined(Session session) {
        return joinedResult(join(session));
    }

    private static JoinResult joinedResult(ServerMessage reply) {
        assertThat(reply).isInstanceOf(Ok.class);
        JoinResult result = (JoinResult) ((Ok) reply).result();
        assertThat(result.waiting()).as("joined, not waiting").isNull();
        return result;
    }

    private ServerMessage send(Session session, String text) {
        return call(reply -> room.send(session, new Send("s", ROOM, text, null), reply));
    }

    private long sent(Session session, String text) {
        ServerMessage reply = send(session, text);
        assertThat(reply).isInstanceOf(Ok.class);
        return ((SendResult) ((Ok) reply).result()).seq();
    }

    private ServerMessage command(Session session, RoomRequest request) {
        return call(reply -> room.command(session, request, reply));
    }

    private void ok(Session session, RoomRequest request) {
        assertThat(command(session, request)).isEqualTo(Ok.empty(request.id()));
    }

    private static ErrorCode code(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    private static MemberInfo info(FakeSession session, boolean voice, Long hand, Boolean muted) {
        Identity id = session.identity();
        return new MemberInfo(id.id(), id.name(), id.roleIn(ROOM), voice, hand, muted);
    }

    private static PresenceEvent presence(PresenceKind kind, MemberInfo member) {
        return new PresenceEvent(ROOM, kind, member);
    }

    private List<AuditEntry> audit() {
        ServerMessage reply = command(fac, new Audit("a", ROOM, null));
        return ((AuditResult) ((Ok) reply).result()).entries();
    }

    private StatsResult stats() {
        ServerMessage reply = command(fac, new Stats("st", ROOM));
        return (StatsResult) ((Ok) reply).result();
    }

    private static Mute mute(String user, Long seconds, String reason) {
        return new Mute("m", ROOM, user, seconds, reason);
    }

    private static SetRoom set(Boolean locked, Integer slow, Boolean moderated, Admission admission) {
        return new SetRoom("set", ROOM, locked, slow, moderated, admission);
    }

    private MemberInfo listed(JoinResult result, String userId) {
        return result.members().stream().filter(m -> m.id().equals(userId)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ a member is refused

    /** What could change, to prove that a refused command changed nothing. */
    private record Snapshot(List<List<ServerMessage>> received, RoomInfo info, RoomPolicy policy,
                            List<MemberInfo> presenceAsFacilitatorSeesIt, int sanctionEntries, Long carolMutedUntil,
                            boolean eveBanned, List<AuditEntry> audit, List<MessageEvent> history,
                            List<String> waiting, boolean wesAdmitted) {
    }

    private Snapshot snapshot() {
        return new Snapshot(everyone.stream().map(s -> List.copyOf(s.received)).toList(), room.info(), room.policy,
                room.presence.listFor(room.presence.get("fac")), room.sanctions.size(),
                room.sanctions.mutedUntil("carol"), room.sanctions.isBanned("eve", false, "198.51.100.1"),
                room.audit.newest(10_000), room.history.all(),
                room.waiting.all().stream().map(w -> w.identity().id()).toList(),
                room.waiting.isAdmitted("wes", clock.millis()));
    }

    static Stream<Arguments> facilitatorCommands() {
        return Stream.of(
                Arguments.of("mute", new Mute("x", ROOM, "bob", null, "r")),
                Arguments.of("timedMute", new Mute("x", ROOM, "bob", 60L, null)),
                Arguments.of("unmute", new Unmute("x", ROOM, "carol")),
                Arguments.of("remove", new Remove("x", ROOM, "bob", null)),
                Arguments.of("ban", new Ban("x", ROOM, "bob", null, null)),
                Arguments.of("timedBan", new Ban("x", ROOM, "bob", 60L, null)),
                Arguments.of("banAbsent", new Ban("x", ROOM, "zed", null, null)),
                Arguments.of("unban", new Unban("x", ROOM, "eve")),
                Arguments.of("delete", new Delete("x", ROOM, 1L)),
                Arguments.of("setRoomLocked", new SetRoom("x", ROOM, true, null, null, null)),
                Arguments.of("setRoomSlowMode", new SetRoom("x", ROOM, null, 30, null, null)),
                Arguments.of("setRoomModerated", new SetRoom("x", ROOM, null, null, true, null)),
                Arguments.of("setRoomAdmission", new SetRoom("x", ROOM, null, null, null, Admission.OPEN)),
                Arguments.of("voice", new Voice("x", ROOM, "bob", true)),
                Arguments.of("admit", new Admit("x", ROOM, "wes")),
                Arguments.of("deny", new Deny("x", ROOM, "wes")),
                Arguments.of("warn", new Warn("x", ROOM, "bob", "text")),
                Arguments.of("stats", new Stats("x", ROOM)),
                Arguments.of("audit", new Audit("x", ROOM, null)),
                Arguments.of("lowerHandOfAnother", new LowerHand("x", ROOM, "bob")));
    }

    @ParameterizedTest(name = "{0}_byMember_isForbiddenAndChangesNothing")
    @MethodSource("facilitatorCommands")
    void command_byMember_isForbiddenAndChangesNothing(String name, RoomRequest request) {
        // A room with something to change for every command.
        joined(carol);
        sent(bob, "hello");
        ok(bob, new RaiseHand("h", ROOM));
        ok(fac, mute("carol", 600L, null));
        ok(fac, new Ban("b", ROOM, "eve", null, null));
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        assertThat(((JoinResult) ((Ok) join(wes)).result()).waiting()).isTrue();
        clearAll();
        Snapshot before = snapshot();

        ServerMessage reply = command(alice, request);

        assertThat(code(reply)).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(((ErrorReply) reply).id()).isEqualTo("x");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    @Test
    void mute_byFacilitatorTokenForOtherRoomsOnly_isForbidden() {
        FakeSession elsewhere = tab(new Identity("fac-x", "Xan", Role.FACILITATOR, Set.of("other-room"), false));
        joined(elsewhere);
        clearAll();

        assertThat(code(command(elsewhere, mute("bob", null, null)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(room.sanctions.isMuted("bob")).isFalse();
        assertThat(bob.received).isEmpty();
    }

    @Test
    void command_notJoined_isNotInRoom() {
        FakeSession outsider = session("fac-out", "Otto", Role.FACILITATOR, false);
        assertThat(code(command(outsider, mute("bob", null, null)))).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(code(command(carol, new RaiseHand("h", ROOM)))).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(room.sanctions.isMuted("bob")).isFalse();
    }

    @Test
    void facilitatorReconnected_isFacilitatorAgainAtOnce() {
        FakeSession facAgain = tab(fac);
        room.disconnect(fac);
        joined(facAgain);

        ok(facAgain, mute("bob", null, null));
        assertThat(room.sanctions.isMuted("bob")).isTrue();
    }

    // ------------------------------------------------------------------ hands

    @Test
    void raiseHand_byMember_showsInPresenceForAllAndAlertsOnlyFacilitators() {
        joined(fac2);
        clearAll();
        long now = clock.millis();

        ok(alice, new RaiseHand("h", ROOM));

        Alert alert = new Alert(ROOM, AlertKind.HAND_RAISED, "alice", "Alice", null, null, null, now);
        PresenceEvent privileged = presence(PresenceKind.UPDATE, info(alice, false, now, false));
        assertThat(fac.received).containsExactlyInAnyOrder(privileged, alert);
        assertThat(fac2.received).containsExactlyInAnyOrder(privileged, alert);
        assertThat(alice.received).containsExactly(privileged);
        assertThat(bob.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, false, now, null)));
    }

    @Test
    void raiseHand_twice_keepsItsPlaceAndAlertsOnce() {
        long first = clock.millis();
        ok(alice, new RaiseHand("h", ROOM));
        executor.advance(Duration.ofSeconds(5));
        clearAll();

        ok(alice, new RaiseHand("h", ROOM));

        assertThat(fac.received).isEmpty();
        assertThat(listed(joined(fac2), "alice").handRaised()).isEqualTo(first);
    }

    @Test
    void raiseHand_severalMembers_facilitatorSeesTheQueueInRaiseOrder() {
        ok(bob, new RaiseHand("h", ROOM));
        executor.advance(Duration.ofSeconds(3));
        ok(alice, new RaiseHand("h", ROOM));

        JoinResult seen = joined(fac2);

        assertThat(listed(seen, "bob").handRaised()).isEqualTo(clock.millis() - 3000);
        assertThat(listed(seen, "alice").handRaised()).isEqualTo(clock.millis());
    }

    @Test
    void lowerHand_self_clearsTheHandForEveryone() {
        ok(alice, new RaiseHand("h", ROOM));
        clearAll();

        ok(alice, new LowerHand("l", ROOM, null));

        assertThat(alice.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, false, null, false)));
        assertThat(bob.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, false, null, null)));
        assertThat(fac.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, false, null, false)));
        assertThat(room.presence.get("alice").handRaisedAt()).isNull();
    }

    @Test
    void lowerHand_selfNamingOwnId_isAllowedForAMember() {
        ok(alice, new RaiseHand("h", ROOM));
        ok(alice, new LowerHand("l", ROOM, "alice"));
        assertThat(room.presence.get("alice").handRaisedAt()).isNull();
    }

    @Test
    void lowerHand_byFacilitator_lowersAnotherMembersHandAndIsAudited() {
        ok(alice, new RaiseHand("h", ROOM));
        clearAll();

        ok(fac, new LowerHand("l", ROOM, "alice"));

        assertThat(alice.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, false, null, false)));
        assertThat(bob.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, false, null, null)));
        assertThat(room.presence.get("alice").handRaisedAt()).isNull();
        assertThat(audit()).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("lower_hand");
            assertThat(e.actor()).isEqualTo("fac");
            assertThat(e.target()).isEqualTo("alice");
        });
    }

    @Test
    void lowerHand_byMemberForAnother_isForbiddenAndTheHandStaysUp() {
        ok(alice, new RaiseHand("h", ROOM));
        clearAll();

        assertThat(code(command(bob, new LowerHand("l", ROOM, "alice")))).isEqualTo(ErrorCode.FORBIDDEN);

        assertThat(room.presence.get("alice").handRaisedAt()).isNotNull();
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    @Test
    void lowerHand_byFacilitatorForAbsentUser_isNotFound() {
        assertThat(code(command(fac, new LowerHand("l", ROOM, "nobody")))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    // ------------------------------------------------------------------ report

    @Test
    void report_byMember_alertsOnlyFacilitatorsWithSeqReporterAndReason() {
        joined(fac2);
        long seq = sent(bob, "something hurtful");
        clearAll();

        ok(alice, new Report("r", ROOM, seq, "that was unkind"));

        Alert alert = new Alert(ROOM, AlertKind.REPORT, "bob", "Bob", seq, "alice", "that was unkind",
                clock.millis());
        assertThat(fac.received).containsExactly(alert);
        assertThat(fac2.received).containsExactly(alert);
        assertThat(alice.received).isEmpty();
        assertThat(bob.received).isEmpty();
    }

    @Test
    void report_ofAFacilitatorsMessage_alertsTheOtherFacilitatorsButNotTheAuthor() {
        joined(fac2);
        long seq = sent(fac, "a facilitator's words");
        clearAll();

        ok(alice, new Report("r", ROOM, seq, null));

        assertThat(fac.received(Alert.class)).isEmpty();
        assertThat(fac2.received(Alert.class)).singleElement().satisfies(a -> assertThat(a.by()).isEqualTo("alice"));
    }

    @Test
    void report_ofTheOnlyFacilitatorsMessage_waitsForTheNextOtherFacilitator() {
        long seq = sent(fac, "a facilitator's words");
        clearAll();

        ok(alice, new Report("r", ROOM, seq, "felt dismissive"));

        assertThat(fac.received(Alert.class)).as("the author is not told who reported it").isEmpty();
        Alert report = new Alert(ROOM, AlertKind.REPORT, "fac", "Fran", seq, "alice", "felt dismissive",
                clock.millis());
        joined(tab(fac));
        assertThat(fac.received(Alert.class)).as("not even on the author's next tab").isEmpty();

        clock.advance(Duration.ofMinutes(3));
        joined(fac2);
        assertThat(fac2.received(Alert.class)).as("kept with its original time").containsExactly(report);

        clearAll();
        FakeSession fac3 = session("fac3", "Flo", Role.FACILITATOR, false);
        joined(fac3);
        assertThat(fac3.received(Alert.class)).as("delivered once").isEmpty();
    }

    @Test
    void report_withNoFacilitatorPresent_isKeptBoundedForTheFirstToArrive() {
        call(reply -> room.leave(fac, "l", reply));
        long seq = sent(bob, "hmm");
        for (int i = 0; i < PendingReports.MAX_PENDING + 5; i++) {
            ok(alice, new Report("r" + i, ROOM, seq, "r" + i));
        }

        joined(fac2);

        assertThat(fac2.received(Alert.class)).hasSize(PendingReports.MAX_PENDING)
                .extracting(Alert::reason).startsWith("r5").endsWith("r" + (PendingReports.MAX_PENDING + 4));
    }

    @Test
    void raiseHand_byFacilitator_alertsOtherFacilitatorsNotItself() {
        joined(fac2);
        clearAll();

        ok(fac, new RaiseHand("h", ROOM));

        assertThat(fac.received(Alert.class)).isEmpty();
        assertThat(fac2.received(Alert.class)).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.HAND_RAISED));
    }

    @Test
    void report_withoutReason_isAllowed() {
        long seq = sent(bob, "hmm");
        clearAll();
        ok(alice, new Report("r", ROOM, seq, null));
        assertThat(fac.received(Alert.class)).singleElement()
                .satisfies(a -> assertThat(a.reason()).isNull());
    }

    @Test
    void report_unknownSeq_isNotFoundAndAlertsNobody() {
        sent(bob, "one");
        clearAll();
        assertThat(code(command(alice, new Report("r", ROOM, 2L, null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(fac.received).isEmpty();
    }

    // ------------------------------------------------------------------ mute / unmute

    @Test
    void mute_withoutSeconds_isPrivateToTargetAndFacilitatorsAndHoldsUntilLifted() {
        FakeSession bobTab2 = tab(bob);
        joined(bobTab2);
        clearAll();

        ok(fac, mute("bob", null, "take a breath"));

        Notice notice = new Notice(ROOM, NoticeKind.MUTED, null, "take a breath", null);
        PresenceEvent update = presence(PresenceKind.UPDATE, info(bob, false, null, true));
        assertThat(bob.received).containsExactlyInAnyOrder(notice, update);
        assertThat(bobTab2.received).containsExactlyInAnyOrder(notice, update);
        assertThat(fac.received).containsExactly(update);
        assertThat(alice.received).isEmpty();

        assertThat(code(send(bob, "hi"))).isEqualTo(ErrorCode.MUTED);
        executor.advance(Duration.ofDays(30));
        assertThat(code(send(bob, "hi"))).isEqualTo(ErrorCode.MUTED);
        assertThat(bob.received(Notice.class)).containsExactly(notice);
        assertThat(audit()).first().isEqualTo(
                new AuditEntry(clock.millis() - Duration.ofDays(30).toMillis(), "fac", "mute", "bob", "take a breath",
                        "Fran", "Bob"));
    }

    @Test
    void mute_muteStateInMemberLists_showsOnlyToFacilitatorsAndTheMemberItself() {
        ok(fac, mute("bob", null, null));

        assertThat(listed(joined(fac2), "bob").muted()).isTrue();
        assertThat(listed(joined(carol), "bob").muted()).isNull();
        assertThat(listed(joined(tab(bob)), "bob").muted()).isTrue();
    }

    @Test
    void mute_withSeconds_expiresWhenTheClockAdvancesAndSendsUnmuted() {
        long until = clock.millis() + 60_000;

        ok(fac, mute("bob", 60L, null));
        assertThat(bob.received(Notice.class)).containsExactly(new Notice(ROOM, NoticeKind.MUTED, until, null, null));
        clearAll();

        executor.advance(Duration.ofSeconds(59));
        assertThat(code(send(bob, "too soon"))).isEqualTo(ErrorCode.MUTED);
        assertThat(bob.received).isEmpty();

        executor.advance(Duration.ofSeconds(1));
        PresenceEvent update = presence(PresenceKind.UPDATE, info(bob, false, null, false));
        assertThat(bob.received).containsExactlyInAnyOrder(Notice.of(ROOM, NoticeKind.UNMUTED), update);
        assertThat(fac.received).containsExactly(update);
        assertThat(alice.received).isEmpty();
        sent(bob, "back");
    }

    @Test
    void mute_liftedThenReapplied_isNotEndedByTheOldTimer() {
        ok(fac, mute("bob", 60L, null));
        executor.advance(Duration.ofSeconds(10));
        ok(fac, new Unmute("u", ROOM, "bob"));
        ok(fac, mute("bob", 60L, null));
        clearAll();

        executor.advance(Duration.ofSeconds(50));
        assertThat(room.sanctions.isMuted("bob")).as("the first mute's timer has fired").isTrue();
        assertThat(bob.received).isEmpty();
        assertThat(code(send(bob, "now?"))).isEqualTo(ErrorCode.MUTED);

        executor.advance(Duration.ofSeconds(10));
        assertThat(bob.received(Notice.class)).containsExactly(Notice.of(ROOM, NoticeKind.UNMUTED));
        sent(bob, "now");
    }

    @Test
    void mute_timedReplacedByOpenEnded_isNotEndedByTheOldTimer() {
        ok(fac, mute("bob", 60L, null));
        ok(fac, mute("bob", null, null));
        clearAll();

        executor.advance(Duration.ofMinutes(5));

        assertThat(room.sanctions.isMuted("bob")).isTrue();
        assertThat(bob.received).isEmpty();
    }

    @Test
    void mute_facilitatorByFacilitator_isForbidden() {
        joined(fac2);
        clearAll();

        assertThat(code(command(fac, mute("fac2", null, null)))).isEqualTo(ErrorCode.FORBIDDEN);

        assertThat(room.sanctions.isMuted("fac2")).isFalse();
        sent(fac2, "still here");
        assertThat(fac2.received(Notice.class)).isEmpty();
    }

    @Test
    void mute_self_isForbidden() {
        assertThat(code(command(fac, mute("fac", null, null)))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void mute_absentUser_isNotFound() {
        assertThat(code(command(fac, mute("nobody", null, null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(room.sanctions.size()).isZero();
    }

    @Test
    void unmute_byFacilitator_liftsTheMuteAndTellsOnlyTargetAndFacilitators() {
        ok(fac, mute("bob", null, null));
        clearAll();

        ok(fac, new Unmute("u", ROOM, "bob"));

        PresenceEvent update = presence(PresenceKind.UPDATE, info(bob, false, null, false));
        assertThat(bob.received).containsExactlyInAnyOrder(Notice.of(ROOM, NoticeKind.UNMUTED), update);
        assertThat(fac.received).containsExactly(update);
        assertThat(alice.received).isEmpty();
        sent(bob, "thanks");
        assertThat(audit()).first().extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly("unmute", "bob");
    }

    @Test
    void unmute_notMuted_isOkAndTellsNobody() {
        ok(fac, new Unmute("u", ROOM, "bob"));
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    // ------------------------------------------------------------------ remove

    @Test
    void remove_byFacilitator_takesEveryConnectionOutWithPrivateNoticeAndNeutralLeave() {
        FakeSession bobTab2 = tab(bob);
        joined(bobTab2);
        clearAll();

        ok(fac, new Remove("rm", ROOM, "bob", "time for a break"));

        Notice notice = new Notice(ROOM, NoticeKind.REMOVED, null, "time for a break", null);
        assertThat(bob.received).containsExactly(notice);
        assertThat(bobTab2.received).containsExactly(notice);
        assertThat(alice.received).containsExactly(presence(PresenceKind.LEAVE, info(bob, false, null, null)));
        assertThat(fac.received).containsExactly(presence(PresenceKind.LEAVE, info(bob, false, null, false)));
        assertThat(room.presence.get("bob")).isNull();
        assertThat(room.info().members()).isEqualTo(1);

        sent(alice, "carry on");
        assertThat(bob.received).containsExactly(notice);
        assertThat(bobTab2.received).containsExactly(notice);
        assertThat(code(send(bob, "wait"))).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(audit()).first().isEqualTo(
                new AuditEntry(clock.millis(), "fac", "remove", "bob", "time for a break", "Fran", "Bob"));
    }

    @Test
    void remove_member_mayRejoin() {
        ok(fac, new Remove("rm", ROOM, "bob", null));

        assertThat(listed(joined(bob), "bob").id()).isEqualTo("bob");
        sent(bob, "back again");
    }

    @Test
    void remove_facilitatorByFacilitator_isForbidden() {
        joined(fac2);
        clearAll();

        assertThat(code(command(fac, new Remove("rm", ROOM, "fac2", null)))).isEqualTo(ErrorCode.FORBIDDEN);

        assertThat(room.presence.get("fac2")).isNotNull();
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    @Test
    void remove_absentUser_isNotFound() {
        assertThat(code(command(fac, new Remove("rm", ROOM, "nobody", null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(audit()).isEmpty();
    }

    // ------------------------------------------------------------------ ban / unban

    @Test
    void ban_byFacilitator_removesEveryConnectionAndRefusesRejoining() {
        FakeSession bobTab2 = tab(bob);
        joined(bobTab2);
        clearAll();

        ok(fac, new Ban("b", ROOM, "bob", null, "repeated harm"));

        Notice notice = new Notice(ROOM, NoticeKind.BANNED, null, "repeated harm", null);
        assertThat(bob.received).containsExactly(notice);
        assertThat(bobTab2.received).containsExactly(notice);
        assertThat(alice.received).containsExactly(presence(PresenceKind.LEAVE, info(bob, false, null, null)));
        assertThat(room.presence.get("bob")).isNull();

        assertThat(code(join(bob))).isEqualTo(ErrorCode.BANNED);
        assertThat(code(join(bobTab2))).isEqualTo(ErrorCode.BANNED);
        assertThat(code(join(tab(bob)))).isEqualTo(ErrorCode.BANNED);
        sent(alice, "after");
        assertThat(bob.received).containsExactly(notice);
        assertThat(audit()).first().extracting(AuditEntry::action, AuditEntry::target, AuditEntry::reason)
                .containsExactly("ban", "bob", "repeated harm");
    }

    @Test
    void ban_withSeconds_expiresWithTheClockAndIsPurged() {
        long until = clock.millis() + 120_000;
        ok(fac, new Ban("b", ROOM, "bob", 120L, null));
        assertThat(bob.received(Notice.class)).containsExactly(new Notice(ROOM, NoticeKind.BANNED, until, null, null));

        executor.advance(Duration.ofSeconds(119));
        assertThat(code(join(bob))).isEqualTo(ErrorCode.BANNED);

        executor.advance(Duration.ofSeconds(1));
        assertThat(room.sanctions.size()).as("the lapsed ban is dropped").isZero();
        joined(bob);
    }

    @Test
    void ban_guest_refusesANewGuestSessionFromTheSameAddress() {
        FakeSession gus = session("guest-1", "Gus", Role.MEMBER, true);
        joined(gus);

        ok(fac, new Ban("b", ROOM, "guest-1", null, null));

        FakeSession gusRenamed = session("guest-2", "Gustav", Role.MEMBER, true);
        assertThat(code(join(gusRenamed))).isEqualTo(ErrorCode.BANNED);
    }

    @Test
    void ban_guestAddressHold_concernsOnlyGuests() {
        FakeSession gus = session("guest-1", "Gus", Role.MEMBER, true);
        joined(gus);
        ok(fac, new Ban("b", ROOM, "guest-1", null, null));

        // A token user from the same address, and a guest from another address, come in.
        joined(session("dana", "Dana", Role.MEMBER, false));
        FakeSession otherGuest = session("guest-3", "Gil", Role.MEMBER, true);
        joined(new Elsewhere(otherGuest, "198.51.100.20"));
    }

    @Test
    void ban_guestWithSeconds_addressHoldEndsWithTheBan() {
        joined(session("guest-1", "Gus", Role.MEMBER, true));
        ok(fac, new Ban("b", ROOM, "guest-1", 60L, null));
        FakeSession newGuest = session("guest-2", "Gustav", Role.MEMBER, true);
        assertThat(code(join(newGuest))).isEqualTo(ErrorCode.BANNED);

        executor.advance(Duration.ofSeconds(60));

        joined(newGuest);
    }

    @Test
    void unban_guest_liftsTheAddressHold() {
        joined(session("guest-1", "Gus", Role.MEMBER, true));
        ok(fac, new Ban("b", ROOM, "guest-1", null, null));

        ok(fac, new Unban("ub", ROOM, "guest-1"));

        joined(session("guest-2", "Gustav", Role.MEMBER, true));
    }

    @Test
    void unban_byFacilitator_letsTheMemberRejoin() {
        ok(fac, new Ban("b", ROOM, "bob", null, null));
        assertThat(code(join(bob))).isEqualTo(ErrorCode.BANNED);

        ok(fac, new Unban("ub", ROOM, "bob"));

        joined(bob);
        assertThat(audit()).extracting(AuditEntry::action).startsWith("unban", "ban");
    }

    @Test
    void ban_absentUser_refusesItsFirstJoin() {
        ok(fac, new Ban("b", ROOM, "carol", null, null));
        assertThat(code(join(carol))).isEqualTo(ErrorCode.BANNED);
        assertThat(carol.received).isEmpty();
    }

    @Test
    void ban_waitingMember_tellsItAndTakesItOffTheWaitingList() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        join(wes);
        clearAll();

        ok(fac, new Ban("b", ROOM, "wes", null, null));

        assertThat(wes.received).containsExactly(new Notice(ROOM, NoticeKind.BANNED, null, null, null));
        assertThat(room.waiting.all()).isEmpty();
        assertThat(code(command(fac, new Admit("a", ROOM, "wes")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(join(wes))).isEqualTo(ErrorCode.BANNED);
    }

    /**
     * A guest's ban holds against new guest sessions from its address; that must not depend on
     * whether the guest was in the room or still waiting for admission when it was banned.
     */
    @Test
    void ban_waitingGuest_alsoHoldsAgainstNewGuestSessionsFromItsAddress() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession gus = session("guest-1", "Gus", Role.MEMBER, true);
        assertThat(join(gus)).isEqualTo(new Ok("j", JoinResult.waitingForAdmission()));

        ok(fac, new Ban("b", ROOM, "guest-1", null, null));

        FakeSession gusRenamed = session("guest-2", "Gustav", Role.MEMBER, true);
        ServerMessage reply = join(gusRenamed);
        assertThat(reply instanceof ErrorReply refused ? refused.code() : reply)
                .as("a new guest session from the banned waiting guest's address").isEqualTo(ErrorCode.BANNED);
    }

    @Test
    void ban_facilitatorByFacilitator_isForbidden() {
        joined(fac2);
        clearAll();

        assertThat(code(command(fac, new Ban("b", ROOM, "fac2", null, null)))).isEqualTo(ErrorCode.FORBIDDEN);

        assertThat(room.presence.get("fac2")).isNotNull();
        assertThat(room.sanctions.size()).isZero();
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    @Test
    void ban_self_isForbidden() {
        assertThat(code(command(fac, new Ban("b", ROOM, "fac", null, null)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(room.sanctions.size()).isZero();
    }

    /**
     * Facilitators cannot ban one another; a ban given while the other facilitator is away must
     * not keep that facilitator out of the room either.
     */
    @Test
    void ban_absentFacilitator_doesNotKeepThatFacilitatorOut() {
        command(fac, new Ban("b", ROOM, "fac2", null, null));

        ServerMessage reply = join(fac2);

        assertThat(reply instanceof ErrorReply refused ? refused.code() : null)
                .as("error code of a facilitator's join after another facilitator 'banned' it").isNull();
    }

    // ------------------------------------------------------------------ delete

    @Test
    void delete_byFacilitator_reachesEveryoneAndLeavesTheHistory() {
        long first = sent(alice, "one");
        long hurtful = sent(bob, SECRET_TEXT);
        long third = sent(alice, "three");
        clearAll();

        ok(fac, new Delete("d", ROOM, hurtful));

        MessageDeleted deleted = new MessageDeleted(ROOM, hurtful);
        assertThat(fac.received).containsExactly(deleted);
        assertThat(alice.received).containsExactly(deleted);
        assertThat(bob.received).containsExactly(deleted);

        assertThat(joined(carol).history()).extracting(MessageEvent::seq).containsExactly(first, third);
        JoinResult caughtUp = joinedResult(join(session("dave", "Dave", Role.MEMBER, false), first));
        assertThat(caughtUp.history()).extracting(MessageEvent::seq).containsExactly(third);
        assertThat(caughtUp.gap()).isFalse();
        assertThat(caughtUp.seq()).isEqualTo(third);
        assertThat(audit()).first().isEqualTo(new AuditEntry(clock.millis(), "fac", "delete", "bob", null, "Fran", "Bob"));
    }

    @Test
    void delete_seqNotYetSent_isNotFound() {
        sent(alice, "one");
        assertThat(code(command(fac, new Delete("d", ROOM, 2L)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(room.history.all()).hasSize(1);
    }

    @Test
    void delete_thenNextMessage_keepsSeqRising() {
        sent(alice, "one");
        ok(fac, new Delete("d", ROOM, 1L));
        assertThat(sent(alice, "two")).isEqualTo(2);
    }

    // ------------------------------------------------------------------ set_room

    @Test
    void setRoom_eachField_reachesTheRoomAsRoomUpdated() {
        ok(fac, set(true, null, null, null));
        ok(fac, set(null, 15, null, null));
        ok(fac, set(null, null, true, null));
        ok(fac, set(null, null, null, Admission.APPROVAL));

        List<RoomInfo> seen = alice.received(RoomUpdated.class).stream().map(RoomUpdated::room).toList();
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0).locked()).isTrue();
        assertThat(seen.get(0).slowModeSeconds()).isZero();
        assertThat(seen.get(1).slowModeSeconds()).isEqualTo(15);
        assertThat(seen.get(1).locked()).as("fields left out stay").isTrue();
        assertThat(seen.get(2).moderated()).isTrue();
        assertThat(seen.get(3).admission()).isEqualTo(Admission.APPROVAL);
        assertThat(bob.received(RoomUpdated.class)).hasSize(4);
        assertThat(fac.received(RoomUpdated.class)).hasSize(4);
        assertThat(room.info()).isEqualTo(seen.get(3));
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("set_room", "set_room", "set_room",
                "set_room");
    }

    @Test
    void setRoom_locked_refusesNewMembersAndKeepsPresentOnes() {
        ok(fac, set(true, null, null, null));

        assertThat(code(join(carol))).isEqualTo(ErrorCode.ROOM_LOCKED);
        assertThat(room.presence.get("alice")).isNotNull();
        sent(alice, "still here");
        joined(tab(alice));
        joined(fac2);

        ok(fac, set(false, null, null, null));
        joined(carol);
    }

    @Test
    void setRoom_slowMode_refusesTheNextMessageWithRetryAfter() {
        ok(fac, set(null, 10, null, null));
        sent(alice, "one");
        executor.advance(Duration.ofSeconds(3));

        ServerMessage refused = send(alice, "two");

        assertThat(code(refused)).isEqualTo(ErrorCode.SLOW_MODE);
        assertThat(((ErrorReply) refused).retryAfterMs()).isEqualTo(7000);
        assertThat(room.seq).isEqualTo(1);
        sent(bob, "others may still speak");
        executor.advance(Duration.ofSeconds(7));
        sent(alice, "two");
    }

    @Test
    void setRoom_slowMode_countsFromAMessageSentBeforeItWasTurnedOn() {
        sent(alice, "before");
        executor.advance(Duration.ofSeconds(2));
        ok(fac, set(null, 10, null, null));
        executor.advance(Duration.ofSeconds(2));

        ServerMessage refused = send(alice, "after");

        assertThat(code(refused)).isEqualTo(ErrorCode.SLOW_MODE);
        assertThat(((ErrorReply) refused).retryAfterMs()).isEqualTo(6000);
    }

    @Test
    void setRoom_slowMode_facilitatorsAreExempt() {
        ok(fac, set(null, 10, null, null));
        sent(fac, "one");
        sent(fac, "two");
        sent(fac, "three");
    }

    @Test
    void setRoom_slowModeZero_turnsItOff() {
        ok(fac, set(null, 10, null, null));
        sent(alice, "one");
        assertThat(code(send(alice, "two"))).isEqualTo(ErrorCode.SLOW_MODE);

        ok(fac, set(null, 0, null, null));

        sent(alice, "two");
        sent(alice, "three");
        assertThat(room.info().slowModeSeconds()).isZero();
    }

    @Test
    void setRoom_moderated_onlyFacilitatorsAndVoicedMembersSend() {
        ok(fac, set(null, null, true, null));

        assertThat(code(send(alice, "may I?"))).isEqualTo(ErrorCode.NO_VOICE);
        sent(fac, "welcome");

        ok(fac, new Voice("v", ROOM, "alice", true));
        sent(alice, "thank you");
        assertThat(code(send(bob, "me too"))).isEqualTo(ErrorCode.NO_VOICE);

        ok(fac, new Voice("v", ROOM, "alice", false));
        assertThat(code(send(alice, "again"))).isEqualTo(ErrorCode.NO_VOICE);

        ok(fac, set(null, null, false, null));
        sent(bob, "open again");
    }

    // ------------------------------------------------------------------ voice

    @Test
    void voice_granted_lowersTheHandAndTellsTheMember() {
        ok(alice, new RaiseHand("h", ROOM));
        clearAll();

        ok(fac, new Voice("v", ROOM, "alice", true));

        assertThat(alice.received).containsExactlyInAnyOrder(
                presence(PresenceKind.UPDATE, info(alice, true, null, false)),
                new Notice(ROOM, NoticeKind.VOICE, null, null, true));
        assertThat(bob.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, true, null, null)));
        assertThat(fac.received).containsExactly(presence(PresenceKind.UPDATE, info(alice, true, null, false)));
        assertThat(room.presence.get("alice").handRaisedAt()).isNull();
        assertThat(audit()).first().extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly("voice", "alice");
    }

    @Test
    void voice_taken_tellsTheMember() {
        ok(fac, new Voice("v", ROOM, "alice", true));
        clearAll();

        ok(fac, new Voice("v", ROOM, "alice", false));

        assertThat(alice.received).containsExactlyInAnyOrder(
                presence(PresenceKind.UPDATE, info(alice, false, null, false)),
                new Notice(ROOM, NoticeKind.VOICE, null, null, false));
        assertThat(bob.received(Notice.class)).isEmpty();
    }

    @Test
    void voice_absentUser_isNotFound() {
        assertThat(code(command(fac, new Voice("v", ROOM, "nobody", true)))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    // ------------------------------------------------------------------ admission by approval

    @Test
    void admit_waitingMember_isToldAndItsNextJoinSucceeds() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        clearAll();

        ServerMessage waiting = join(wes);

        assertThat(waiting).isEqualTo(new Ok("j", JoinResult.waitingForAdmission()));
        assertThat(fac.received).containsExactly(
                new Alert(ROOM, AlertKind.WAITING, "wes", "Wes", null, null, null, clock.millis()));
        assertThat(alice.received).isEmpty();
        assertThat(bob.received).isEmpty();
        assertThat(wes.received).isEmpty();
        sent(alice, "not for the waiting room");
        assertThat(wes.received).isEmpty();

        // A facilitator arriving later learns who waits.
        joined(fac2);
        assertThat(fac2.received(Alert.class)).extracting(Alert::kind, Alert::member)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.WAITING, "wes"));
        clearAll();

        ok(fac, new Admit("a", ROOM, "wes"));

        assertThat(wes.received).containsExactly(Notice.of(ROOM, NoticeKind.ADMITTED));
        assertThat(alice.received).isEmpty();
        JoinResult in = joined(wes);
        assertThat(in.members()).extracting(MemberInfo::id).contains("wes");
        assertThat(alice.received(PresenceEvent.class)).extracting(PresenceEvent::event)
                .containsExactly(PresenceKind.JOIN);
        assertThat(audit()).first().extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly("admit", "wes");
    }

    @Test
    void deny_waitingMember_isToldAndMustAskAgain() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        join(wes);
        clearAll();

        ok(fac, new Deny("d", ROOM, "wes"));

        assertThat(wes.received).containsExactly(Notice.of(ROOM, NoticeKind.DENIED));
        assertThat(alice.received).isEmpty();
        assertThat(room.waiting.all()).isEmpty();
        assertThat(join(wes)).isEqualTo(new Ok("j", JoinResult.waitingForAdmission()));
        assertThat(audit()).first().extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly("deny", "wes");
    }

    @Test
    void leave_whileWaiting_isOkAndTakesTheMemberOffTheList() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        join(wes);

        assertThat(call(reply -> room.leave(wes, "l", reply))).isEqualTo(Ok.empty("l"));

        assertThat(room.waiting.all()).isEmpty();
        clearAll();
        joined(fac2);
        assertThat(fac2.received(Alert.class)).as("no stale waiting alert").isEmpty();
        assertThat(code(command(fac, new Admit("a", ROOM, "wes")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(wes.received).isEmpty();
    }

    @Test
    void disconnect_ofOneOfTwoWaitingTabs_keepsTheUserWaitingUntilTheLastGoes() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        FakeSession wesTab = tab(wes);
        join(wes);
        join(wesTab);

        room.disconnect(wes);
        assertThat(room.waiting.all()).extracting(w -> w.identity().id()).containsExactly("wes");
        room.disconnect(wesTab);
        assertThat(room.waiting.all()).isEmpty();
    }

    @Test
    void waiting_unansweredForThirtyMinutes_lapsesWithADenialThatSaysWhy() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        join(wes);

        clock.advance(Duration.ofMillis(WaitingRoom.WAITING_TTL_MILLIS - 1));
        room.sweep();
        assertThat(room.waiting.all()).hasSize(1);
        assertThat(wes.received).isEmpty();

        clock.advance(Duration.ofMillis(1));
        room.sweep();
        assertThat(room.waiting.all()).isEmpty();
        assertThat(wes.received).singleElement().isInstanceOfSatisfying(Notice.class, notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.DENIED);
            assertThat(notice.reason()).contains("join again");
        });
        assertThat(join(wes)).as("may ask again").isEqualTo(new Ok("j", JoinResult.waitingForAdmission()));
    }

    @Test
    void setRoomOpen_admitsEveryoneWaiting() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        join(wes);
        clearAll();

        ok(fac, set(null, null, null, Admission.OPEN));

        assertThat(room.waiting.all()).isEmpty();
        assertThat(wes.received).containsExactly(Notice.of(ROOM, NoticeKind.ADMITTED));
        ok(fac, set(null, null, null, Admission.APPROVAL));
        joined(wes);
    }

    @Test
    void admit_notWaiting_isNotFound() {
        assertThat(code(command(fac, new Admit("a", ROOM, "nobody")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(command(fac, new Deny("d", ROOM, "nobody")))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void approval_facilitatorsAndPresentMembersNeedNoAdmission() {
        ok(fac, set(null, null, null, Admission.APPROVAL));
        joined(fac2);
        joined(tab(alice));
    }

    // ------------------------------------------------------------------ warn

    @Test
    void warn_sendsAPrivateNoticeWithTheTextAsReason() {
        ok(fac, new Warn("w", ROOM, "bob", WARN_TEXT));

        assertThat(bob.received).containsExactly(new Notice(ROOM, NoticeKind.WARNING, null, WARN_TEXT, null));
        assertThat(alice.received).isEmpty();
        assertThat(fac.received).isEmpty();
        AuditEntry entry = audit().get(0);
        assertThat(entry.action()).isEqualTo("warn");
        assertThat(entry.target()).isEqualTo("bob");
        assertThat(entry.toString()).doesNotContain(WARN_TEXT);
    }

    @Test
    void warn_facilitator_isForbidden() {
        joined(fac2);
        clearAll();
        assertThat(code(command(fac, new Warn("w", ROOM, "fac2", WARN_TEXT)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(fac2.received).isEmpty();
    }

    // ------------------------------------------------------------------ stats

    @Test
    void stats_flagsADominantTalkerAndListsAQuietMemberWithZero() {
        joined(carol);
        for (int i = 0; i < 6; i++) {
            sent(alice, "x".repeat(50));
        }
        sent(bob, "hi there");

        StatsResult stats = stats();

        assertThat(stats.windowSeconds()).isEqualTo(900);
        assertThat(stats.dominant()).containsExactly("alice");
        assertThat(stats.members()).extracting(Participation::id).contains("fac", "alice", "bob", "carol");
        Participation quiet = stats.members().stream().filter(p -> p.id().equals("carol")).findFirst().orElseThrow();
        assertThat(quiet.messages()).isZero();
        assertThat(quiet.share()).isZero();
        Participation talker = stats.members().stream().filter(p -> p.id().equals("alice")).findFirst().orElseThrow();
        assertThat(talker.messages()).isEqualTo(6);
        assertThat(talker.chars()).isEqualTo(300);
        assertThat(talker.share()).isEqualTo(300.0 / 308);
    }

    @Test
    void stats_talkAgesOutOfTheWindow() {
        for (int i = 0; i < 6; i++) {
            sent(alice, "x".repeat(50));
        }
        sent(bob, "hi");
        assertThat(stats().dominant()).containsExactly("alice");

        executor.advance(Duration.ofMinutes(15));

        StatsResult later = stats();
        assertThat(later.dominant()).isEmpty();
        assertThat(later.members()).allSatisfy(p -> assertThat(p.messages()).isZero());
    }

    @Test
    void stats_fewMessagesButLargeShare_isNotDominant() {
        joined(carol);
        for (int i = 0; i < 4; i++) {
            sent(alice, "x".repeat(500));
        }
        sent(bob, "ok");

        assertThat(stats().dominant()).isEmpty();
    }

    @Test
    void stats_sendsNoEvents() {
        sent(alice, "one");
        clearAll();
        stats();
        assertThat(everyone).allSatisfy(s -> assertThat(s.received).isEmpty());
    }

    // ------------------------------------------------------------------ audit

    @Test
    void audit_listsEveryActionNewestFirstUnderItsContractNameWithoutMessageText() {
        ok(alice, new RaiseHand("h", ROOM));
        long t0 = clock.millis();
        ok(fac, new LowerHand("l", ROOM, "alice"));
        executor.advance(Duration.ofSeconds(1));
        ok(fac, mute("bob", 60L, "cool off"));
        executor.advance(Duration.ofSeconds(1));
        ok(fac, new Unmute("u", ROOM, "bob"));
        executor.advance(Duration.ofSeconds(1));
        ok(fac, new Voice("v", ROOM, "alice", true));
        executor.advance(Duration.ofSeconds(1));
        ok(fac, new Warn("w", ROOM, "bob", WARN_TEXT));
        executor.advance(Duration.ofSeconds(1));
        long seq = sent(bob, SECRET_TEXT);
        ok(alice, new Report("r", ROOM, seq, "hurtful"));
        ok(fac, new Delete("d", ROOM, seq));
        executor.advance(Duration.ofSeconds(1));
        ok(fac, set(null, null, null, Admission.APPROVAL));
        FakeSession wes = session("wes", "Wes", Role.MEMBER, false);
        join(wes);
        ok(fac, new Admit("a", ROOM, "wes"));
        FakeSession vic = session("vic", "Vic", Role.MEMBER, false);
        join(vic);
        ok(fac, new Deny("dn", ROOM, "vic"));
        ok(fac, new Remove("rm", ROOM, "alice", null));
        ok(fac, new Ban("b", ROOM, "bob", 600L, null));
        ok(fac, new Unban("ub", ROOM, "bob"));

        List<AuditEntry> entries = audit();

        assertThat(entries).extracting(AuditEntry::action).containsExactly("unban", "ban", "remove", "deny", "admit",
                "set_room", "delete", "warn", "voice", "unmute", "mute", "lower_hand");
        assertThat(entries).extracting(AuditEntry::target).containsExactly("bob", "bob", "alice", "vic", "wes",
                null, "bob", "bob", "alice", "bob", "bob", "alice");
        assertThat(entries).extracting(AuditEntry::actor).containsOnly("fac");
        assertThat(entries.get(entries.size() - 1).ts()).isEqualTo(t0);
        assertThat(entries.get(entries.size() - 2)).isEqualTo(new AuditEntry(t0 + 1000, "fac", "mute", "bob",
                "cool off", "Fran", "Bob", t0 + 1000 + 60_000));
        // Names as they were, also for those who have left (Alice removed, Bob banned, Vic denied).
        assertThat(entries).extracting(AuditEntry::targetName).containsExactly("Bob", "Bob", "Alice", "Vic", "Wes",
                null, "Bob", "Bob", "Alice", "Bob", "Bob", "Alice");
        assertThat(entries).extracting(AuditEntry::actorName).containsOnly("Fran");
        // A timed ban says until when; the others have no end.
        assertThat(entries.get(1).until()).isEqualTo(entries.get(1).ts() + 600_000);
        assertThat(entries.get(2).until()).isNull();
        assertThat(entries).extracting(AuditEntry::ts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(entries).allSatisfy(entry -> assertThat(entry.toString())
                .doesNotContain(SECRET_TEXT).doesNotContain(WARN_TEXT).doesNotContain("hurtful"));
    }

    @Test
    void audit_limit_returnsOnlyTheNewest() {
        ok(fac, new Warn("w", ROOM, "alice", "a"));
        ok(fac, new Warn("w", ROOM, "bob", "b"));
        ok(fac, mute("alice", null, null));

        ServerMessage reply = command(fac, new Audit("a", ROOM, 2));

        assertThat(((AuditResult) ((Ok) reply).result()).entries()).extracting(AuditEntry::action)
                .containsExactly("mute", "warn");
    }

    @Test
    void audit_membersToolsAndRefusedCommands_leaveNoEntry() {
        long seq = sent(bob, "one");
        ok(alice, new RaiseHand("h", ROOM));
        ok(alice, new LowerHand("l", ROOM, null));
        ok(alice, new Report("r", ROOM, seq, null));
        command(alice, mute("bob", null, null));
        command(fac, mute("nobody", null, null));

        assertThat(audit()).isEmpty();
    }

    /** {@code audit} without {@code limit} means "all held" (see {@link Audit}), also past 500 entries. */
    @Test
    void audit_withoutLimit_returnsEveryHeldEntry() {
        HavenConfig base = TestServer.config(100);
        room = new Room(new RoomSettings(ROOM, "Group", RoomCategory.CONDITION, "topic", List.of(), 10, null, false),
                new HavenConfig(base.server(), base.auth(), base.limits(), base.history(),
                        new ModerationSettings(900, 1000), base.rooms()),
                executor, clock, encoder);
        joined(fac);
        joined(alice);
        for (int i = 0; i < 600; i++) {
            ok(fac, new Warn("w", ROOM, "alice", "note " + i));
        }

        assertThat(audit()).hasSize(600);
    }

    /** A session at another address, delegating to a fake session that records what it gets. */
    private record Elsewhere(FakeSession inner, String address) implements Session {
        @Override
        public Identity identity() {
            return inner.identity();
        }

        @Override
        public String remoteAddress() {
            return address;
        }

        @Override
        public void deliver(OutboundFrame frame) {
            inner.deliver(frame);
        }

        @Override
        public void send(ServerMessage message) {
            inner.send(message);
        }
    }
}
