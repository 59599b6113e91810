package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.ListSanctions;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.model.Sanction;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.SanctionsResult;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.care.CareServices;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.ModerationSettings;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.state.Fence;
import dev.haven.server.state.RoomStateStore;
import dev.haven.server.state.StateWrites;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A room's kept state without sockets: a room runs, its state is written through to a store,
 * then a second room (the same room after a restart, or on its new owner) is restored from that
 * store and must behave as the first would have. Tasks run inline; timers fire when the test
 * moves the manual clock, which both rooms share (time goes on while the room is down).
 */
class DurableStateTest {
    private static final String ROOM = "group";
    private static final String CRISIS = "I'm going to kill myself tonight";
    /** What people wrote: never in the store. */
    private static final String MESSAGE = "my brother does not know yet 5d1e";
    private static final String WARNING = "please keep it gentle 77b0";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-08T19:00:00Z"));
    private final HavenConfig config = TestServer.config(100);
    /** The server's duty of care: a new process has a new one (its supervisors' desk with it). */
    private CareServices care = CareServices.create(config, clock);
    private final RoomStateStore store = RoomStateStore.inMemory();
    private final StateWrites health = new StateWrites();
    private final RoomSettings settings = new RoomSettings(ROOM, "Evening Group", RoomCategory.CONDITION, "topic",
            List.of(), 20, "Be kind.", false, "US", null, null, true, null);
    private final List<ServerMessage> replies = new ArrayList<>();
    private ManualRoomExecutor executor;
    private Room room;
    private FakeSession fran;
    private FakeSession alice;
    private FakeSession bob;
    private FakeSession carol;
    private FakeSession guest;

    @BeforeEach
    void setUp() {
        room = start(store);
        fran = session("fac-fran", "Fran", Role.FACILITATOR, false);
        alice = session("m-alice", "Alice", Role.MEMBER, false);
        bob = session("m-bob", "Bob", Role.MEMBER, false);
        carol = session("m-carol", "Carol", Role.MEMBER, false);
        guest = session("guest-1", "Quiet Fox", Role.MEMBER, true);
        for (FakeSession s : List.of(fran, alice, bob, carol, guest)) {
            assertThat(join(s)).isInstanceOf(Ok.class);
        }
        ok(fran, new OpenSession("o", ROOM));
    }

    /** The room as the server starts it: restored from the store, then writing through to it. */
    private Room start(RoomStateStore from) {
        executor = new ManualRoomExecutor(clock);
        Room started = new Room(settings, config, executor, clock, new FakeFrameEncoder(), care);
        get(started.durableState().restoreFrom(from, Fence.lone(ROOM), health));
        return started;
    }

    /** The process ends (its executor with it) and the room starts again from the store. */
    private void restart() {
        get(room.durableState().flush());
        care = CareServices.create(config, clock);
        room = start(store);
        for (FakeSession s : List.of(fran, alice, bob, carol, guest)) {
            s.received.clear();
        }
    }

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static FakeSession session(String id, String name, Role role, boolean guest) {
        return new FakeSession(new Identity(id, name, role, null, guest));
    }

    private ServerMessage call(Consumer<Consumer<ServerMessage>> action) {
        int before = replies.size();
        action.accept(replies::add);
        assertThat(replies).as("exactly one reply").hasSize(before + 1);
        return replies.get(before);
    }

    private ServerMessage join(FakeSession session) {
        return call(reply -> room.join(session, new Join("j", ROOM, null, true), reply));
    }

    private ServerMessage join(FakeSession session, long since) {
        return call(reply -> room.join(session, new Join("j", ROOM, since, true), reply));
    }

    private ServerMessage send(FakeSession session, String text) {
        return call(reply -> room.send(session, new Send("s", ROOM, text, null), reply));
    }

    private ServerMessage command(FakeSession session, RoomRequest request) {
        return call(reply -> room.command(session, request, reply));
    }

    private void ok(FakeSession session, RoomRequest request) {
        assertThat(command(session, request)).isEqualTo(Ok.empty(request.id()));
    }

    private static ErrorCode code(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    private List<AuditEntry> audit() {
        return ((AuditResult) ((Ok) command(fran, new Audit("a", ROOM, null))).result()).entries();
    }

    private static List<Alert> alerts(FakeSession session, AlertKind kind) {
        return session.received(Alert.class).stream().filter(a -> a.kind() == kind).toList();
    }

    private String storedText() {
        StringBuilder all = new StringBuilder();
        get(store.load(ROOM)).forEach((name, value) -> all.append(name).append('=')
                .append(new String(value, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    // ------------------------------------------------------------------ sanctions

    @Test
    void mutesAndBans_holdAfterARestart_withTheirEnds_namesAndGuestAddress() {
        ok(fran, new Mute("m", ROOM, alice.identity().id(), 300L, "cooling off"));
        ok(fran, new Ban("b", ROOM, bob.identity().id(), null, "abuse"));
        ok(fran, new Ban("b2", ROOM, guest.identity().id(), 3600L, null));

        clock.advance(Duration.ofSeconds(60));
        restart();

        assertThat(join(bob)).as("Bob's ban holds").satisfies(r -> assertThat(code(r)).isEqualTo(ErrorCode.BANNED));
        FakeSession sameGuestNewName = session("guest-2", "Bold Owl", Role.MEMBER, true);
        assertThat(code(join(sameGuestNewName))).as("a new guest from the banned guest's address")
                .isEqualTo(ErrorCode.BANNED);
        assertThat(join(alice)).isInstanceOf(Ok.class);
        assertThat(code(send(alice, "hello again"))).as("Alice's mute holds").isEqualTo(ErrorCode.MUTED);
        assertThat(join(fran)).isInstanceOf(Ok.class);
        SanctionsResult list = (SanctionsResult) ((Ok) command(fran, new ListSanctions("l", ROOM))).result();
        assertThat(list.banned()).extracting(Sanction::name).containsExactlyInAnyOrder("Bob", "Quiet Fox");
        assertThat(list.muted()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Alice");
            assertThat(m.until()).isEqualTo(clock.millis() - 60_000 + 300_000);
        });

        // The timed mute ends at its time, as if there had been no restart.
        clock.advance(Duration.ofSeconds(239));
        assertThat(alice.received(Notice.class)).noneMatch(n -> n.kind() == NoticeKind.UNMUTED);
        executor.advance(Duration.ofSeconds(1));
        assertThat(alice.received(Notice.class)).anyMatch(n -> n.kind() == NoticeKind.UNMUTED);
        assertThat(send(alice, "hello again")).isInstanceOf(Ok.class);
    }

    @Test
    void aSanctionThatEndedWhileTheRoomWasDown_isGone_fromTheRoomAndFromTheStore() {
        ok(fran, new Ban("b", ROOM, bob.identity().id(), 120L, null));
        assertThat(storedText()).contains("m-bob");
        clock.advance(Duration.ofMinutes(5));
        restart();
        assertThat(join(bob)).isInstanceOf(Ok.class);
        assertThat(storedText()).doesNotContain("m-bob\",\"until");
    }

    // ------------------------------------------------------------------ audit

    @Test
    void theAuditLog_readsTheSameAfterARestart_andGoesOnFromThere() {
        ok(fran, new Mute("m", ROOM, alice.identity().id(), 300L, "cooling off"));
        ok(fran, new Warn("w", ROOM, carol.identity().id(), WARNING));
        ok(fran, new Ban("b", ROOM, bob.identity().id(), null, "abuse"));
        List<AuditEntry> before = audit();
        assertThat(before).hasSize(4);

        restart();
        join(fran);
        assertThat(audit()).isEqualTo(before);
        ok(fran, new SetRoom("s", ROOM, null, 10, null, null, null));
        assertThat(audit()).hasSize(5).first().satisfies(e -> assertThat(e.action()).isEqualTo("set_room"));
        restart();
        join(fran);
        assertThat(audit()).hasSize(5);
    }

    @Test
    void theAuditLogsBound_holdsInTheStore_tooOneEntryPerPart() {
        HavenConfig small = new HavenConfig(config.server(), config.auth(), config.limits(), config.history(),
                new ModerationSettings(900, 3), config.rooms());
        RoomStateStore own = RoomStateStore.inMemory();
        executor = new ManualRoomExecutor(clock);
        room = new Room(settings, small, executor, clock, new FakeFrameEncoder(), care);
        get(room.durableState().restoreFrom(own, Fence.lone(ROOM), health));
        join(fran);
        join(alice);
        for (int i = 0; i < 5; i++) {
            ok(fran, new Mute("m" + i, ROOM, alice.identity().id(), 60L + i, "reason " + i));
        }
        assertThat(get(own.load(ROOM)).keySet()).filteredOn(name -> name.startsWith("audit."))
                .containsExactlyInAnyOrder("audit.2", "audit.3", "audit.4");
        assertThat(audit()).extracting(AuditEntry::reason).containsExactly("reason 4", "reason 3", "reason 2");
    }

    // ------------------------------------------------------------------ settings and session

    @Test
    void settingsChangedAtRunTime_andTheOpenSession_holdAfterARestart() {
        ok(fran, new SetRoom("s", ROOM, null, 30, true, null, "Be gentle with one another."));
        restart();
        assertThat(room.info().state()).isEqualTo(RoomState.OPEN);
        assertThat(room.info().slowModeSeconds()).isEqualTo(30);
        assertThat(room.info().moderated()).isTrue();
        assertThat(room.info().guidelinesVersion()).isEqualTo(2);
        assertThat(room.info().guidelines()).startsWith("Be gentle with one another.");
        assertThat(code(call(reply -> room.join(alice, new Join("j", ROOM, null, true, 1), reply))))
                .as("the guidelines changed before the restart").isEqualTo(ErrorCode.GUIDELINES_REQUIRED);
    }

    @Test
    void anOpenSessionWithNoFacilitatorBack_becomesUnfacilitatedAfterTheGrace_asWhenTheLastOneLeaves() {
        restart();
        assertThat(room.info().state()).isEqualTo(RoomState.OPEN);
        executor.advance(Duration.ofSeconds(config.sessions().facilitatorGraceSeconds()));
        assertThat(room.info().state()).isEqualTo(RoomState.UNFACILITATED);
        restart();
        assertThat(room.info().state()).isEqualTo(RoomState.UNFACILITATED);
    }

    @Test
    void aSessionClosing_closesAtItsTime_afterARestart() {
        ok(fran, new CloseSession("c", ROOM, 120L, null));
        long closesAt = room.info().closesAt();
        clock.advance(Duration.ofSeconds(30));
        restart();
        assertThat(room.info().closesAt()).isEqualTo(closesAt);
        join(fran);
        join(alice);
        executor.advance(Duration.ofSeconds(89));
        assertThat(alice.received(Notice.class)).noneMatch(n -> n.kind() == NoticeKind.SESSION_CLOSED);
        executor.advance(Duration.ofSeconds(1));
        assertThat(alice.received(Notice.class)).anyMatch(n -> n.kind() == NoticeKind.SESSION_CLOSED);
        assertThat(room.info().state()).isEqualTo(RoomState.LOBBY);
        assertThat(room.info().closesAt()).isNull();
        restart();
        assertThat(room.info().state()).as("the close was kept too").isEqualTo(RoomState.LOBBY);
    }

    // ------------------------------------------------------------------ alerts

    @Test
    void anOpenAlert_isOpenAfterARestart_andEscalatesAtItsDeadlines() {
        assertThat(send(carol, CRISIS)).isInstanceOf(Ok.class);
        String alertId = alerts(fran, AlertKind.CRISIS).get(0).alertId();
        clock.advance(Duration.ofSeconds(20));
        restart();

        join(fran);
        assertThat(alerts(fran, AlertKind.CRISIS)).as("shown to a facilitator who comes in")
                .singleElement().satisfies(a -> {
                    assertThat(a.alertId()).isEqualTo(alertId);
                    assertThat(a.urgent()).isFalse();
                });
        // A high alert goes urgent 60 s after it opened: 40 s after the restart.
        executor.advance(Duration.ofSeconds(39));
        assertThat(alerts(fran, AlertKind.CRISIS)).hasSize(1);
        executor.advance(Duration.ofSeconds(2));
        assertThat(alerts(fran, AlertKind.CRISIS)).hasSize(2).last().satisfies(a -> assertThat(a.urgent()).isTrue());
        assertThat(room.operations().openAlerts().join()).singleElement()
                .satisfies(a -> assertThat(a.urgent()).isTrue());
    }

    @Test
    void anAlertEscalatedBeforeTheRestart_reachesSupervisorsAgain_andAnAcknowledgedOneStaysQuiet() {
        FakeSession sam = session("sup-sam", "Sam", Role.SUPERVISOR, false);
        assertThat(send(carol, CRISIS)).isInstanceOf(Ok.class);
        String alertId = alerts(fran, AlertKind.CRISIS).get(0).alertId();
        executor.advance(Duration.ofSeconds(125));
        restart();

        care.supervisors().register(sam);
        assertThat(sam.received(Alert.class)).as("the escalation is open again")
                .anyMatch(a -> a.alertId().equals(alertId) && Boolean.TRUE.equals(a.escalated()));
        join(fran);
        ok(fran, new AckAlert("k", ROOM, alertId, AlertAction.REACHING_OUT));
        restart();
        join(fran);
        executor.advance(Duration.ofMinutes(10));
        assertThat(alerts(fran, AlertKind.CRISIS)).as("acknowledged: shown once, never again as urgent").hasSize(1);
        assertThat(room.operations().openAlerts().join()).singleElement()
                .satisfies(a -> assertThat(a.acknowledged()).isTrue());
    }

    // ------------------------------------------------------------------ seq

    @Test
    void seq_goesOnAfterARestart_andCatchUpFromBeforeItHasAGap() {
        long last = ((SendResult) ((Ok) send(alice, MESSAGE)).result()).seq();
        restart();
        join(alice);
        assertThat(((SendResult) ((Ok) send(alice, "and again")).result()).seq()).isEqualTo(last + 1);
        JoinResult caughtUp = (JoinResult) ((Ok) join(carol, last)).result();
        assertThat(caughtUp.gap()).as("a clean stop loses no seq: nothing missed").isFalse();
        JoinResult behind = (JoinResult) ((Ok) join(bob, last - 1)).result();
        assertThat(behind.gap()).as("the held messages were in memory").isTrue();
    }

    @Test
    void afterACrash_seqStartsBeyondEveryOneGiven() {
        long last = ((SendResult) ((Ok) send(alice, MESSAGE)).result()).seq();
        room = start(store);
        join(alice);
        long next = ((SendResult) ((Ok) send(alice, "after the crash")).result()).seq();
        assertThat(next).isGreaterThan(last).isLessThanOrEqualTo(last + DurableState.SEQ_AHEAD + 1);
    }

    // ------------------------------------------------------------------ when ok is sent

    /** A store whose writes complete when the test says. */
    private static final class SlowStore implements RoomStateStore {
        final RoomStateStore kept = RoomStateStore.inMemory();
        final ArrayDeque<Runnable> pending = new ArrayDeque<>();

        @Override
        public CompletableFuture<Void> write(Fence fence, Map<String, byte[]> parts) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(() -> kept.write(fence, parts).thenRun(() -> done.complete(null)));
            return done;
        }

        @Override
        public CompletableFuture<Void> clear(Fence fence) {
            return kept.clear(fence);
        }

        /** Completes every write, and those their completions lead to. */
        void completeAll() {
            Runnable write;
            while ((write = pending.poll()) != null) {
                write.run();
            }
        }

        @Override
        public CompletableFuture<Map<String, byte[]>> load(String room) {
            return kept.load(room);
        }
    }

    @Test
    void aBansOk_comesOnlyOnceTheBanIsKept_butTheBanTakesEffectAtOnce() {
        SlowStore slow = new SlowStore();
        room = start(slow);
        join(fran);
        join(bob);
        join(alice);
        room.command(fran, new OpenSession("o", ROOM), replies::add);
        slow.completeAll();
        List<ServerMessage> answer = new ArrayList<>();
        room.command(fran, new Ban("b", ROOM, bob.identity().id(), null, null), answer::add);

        assertThat(answer).as("not yet kept").isEmpty();
        assertThat(bob.received(Notice.class)).as("Bob is out at once").anyMatch(n -> n.kind() == NoticeKind.BANNED);
        assertThat(send(alice, "still here")).as("a message's ok does not wait").isInstanceOf(Ok.class);
        assertThat(slow.pending).as("the ban's write").isNotEmpty();
        slow.completeAll();
        assertThat(answer).containsExactly(Ok.empty("b"));
        assertThat(get(slow.load(ROOM))).containsKey("sanctions");
    }

    @Test
    void aCommandWhoseChangeCannotBeKept_isAnsweredUnavailable_andTheStateShowsInHealth() {
        RoomStateStore failing = new RoomStateStore() {
            @Override
            public CompletableFuture<Void> write(Fence fence, Map<String, byte[]> parts) {
                return CompletableFuture.failedFuture(new java.io.UncheckedIOException(new java.io.IOException("disk full")));
            }

            @Override
            public CompletableFuture<Void> clear(Fence fence) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Map<String, byte[]>> load(String room) {
                return CompletableFuture.completedFuture(Map.of());
            }
        };
        room = start(failing);
        join(fran);
        join(bob);
        ServerMessage reply = command(fran, new Ban("b", ROOM, bob.identity().id(), null, null));
        assertThat(code(reply)).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(((ErrorReply) reply).retryAfterMs()).isPositive();
        assertThat(health.failing()).isTrue();
        assertThat(code(join(bob))).as("the ban holds here all the same").isEqualTo(ErrorCode.BANNED);
    }

    // ------------------------------------------------------------------ privacy, export, archive

    @Test
    void nothingAnyoneWrote_isKept() {
        send(alice, MESSAGE);
        send(carol, CRISIS + " " + MESSAGE);
        ok(fran, new Warn("w", ROOM, alice.identity().id(), WARNING));
        ok(fran, new Mute("m", ROOM, bob.identity().id(), 60L, "needs a pause"));
        get(room.durableState().flush());
        String kept = storedText();
        assertThat(kept).contains("needs a pause", "Bob", "Carol");
        assertThat(kept).doesNotContain(MESSAGE, WARNING, "kill myself");
    }

    @Test
    void export_isWhatTheStoreHolds_andRestoresARoomThatHasServedNothing() {
        ok(fran, new Ban("b", ROOM, bob.identity().id(), null, "abuse"));
        send(carol, CRISIS);
        Map<String, byte[]> exported = get(room.durableState().export());
        assertThat(exported.keySet()).containsExactlyInAnyOrderElementsOf(get(store.load(ROOM)).keySet());

        executor = new ManualRoomExecutor(clock);
        room = new Room(settings, config, executor, clock, new FakeFrameEncoder(), care);
        get(room.durableState().restore(exported));
        assertThat(code(join(bob))).isEqualTo(ErrorCode.BANNED);
        assertThat(room.info().state()).isEqualTo(RoomState.OPEN);
        assertThat(room.operations().openAlerts().join()).hasSize(1);
    }

    @Test
    void archivingTheRoom_deletesWhatWasKeptOfIt() {
        ok(fran, new Ban("b", ROOM, bob.identity().id(), null, "abuse"));
        assertThat(get(store.load(ROOM))).isNotEmpty();
        get(room.operations().archive());
        assertThat(get(store.load(ROOM))).isEmpty();
    }
}
