package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.config.HistorySettings;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Room logic without sockets: an inline executor, fake sessions and a manual clock. */
class RoomTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final FakeFrameEncoder encoder = new FakeFrameEncoder();
    private final List<ServerMessage> replies = new ArrayList<>();

    private Room room(int capacity, String guidelines, boolean locked, int historyMessages) {
        RoomSettings settings = new RoomSettings("circle", "Circle", RoomCategory.CONDITION, "topic", List.of("a"),
                capacity, guidelines, locked);
        HavenConfig config = TestServer.config(historyMessages)
                .withLimits(new LimitSettings(10, 65536, 10, 20, 50, 100, 50))
                .withHistory(new HistorySettings(historyMessages, 3600));
        return new Room(settings, config, executor, clock, encoder);
    }

    private Room room() {
        return room(10, null, false, 100);
    }

    private static FakeSession session(String userId) {
        return new FakeSession(new Identity(userId, "Name " + userId, Role.MEMBER, null, false));
    }

    private ServerMessage lastReply() {
        return replies.get(replies.size() - 1);
    }

    private JoinResult join(Room room, FakeSession session, Long since) {
        room.join(session, new Join("j", "circle", since, true), replies::add);
        return (JoinResult) ((Ok) lastReply()).result();
    }

    private long send(Room room, FakeSession session, String text) {
        room.send(session, new Send("s", "circle", text, null), replies::add);
        return ((SendResult) ((Ok) lastReply()).result()).seq();
    }

    private ErrorCode errorOf(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    @Test
    void request_whoseHandlingThrowsAnError_stillGetsItsInternalReply() {
        Room room = room();
        FakeSession broken = new FakeSession(new Identity("e", "Name e", Role.MEMBER, null, false)) {
            @Override
            public Identity identity() {
                throw new ExceptionInInitializerError("simulated");
            }
        };

        room.join(broken, new Join("j-broken", "circle", null, true), replies::add);

        assertThat(replies).hasSize(1);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.INTERNAL);
        assertThat(((ErrorReply) lastReply()).id()).isEqualTo("j-broken");
        FakeSession fine = session("f");
        join(room, fine, null);
        assertThat(lastReply()).as("the room still answers others").isInstanceOf(Ok.class);
    }

    @Test
    void send_assignsSeqFromOneAndReachesEveryMemberOnce() {
        Room room = room();
        FakeSession a = session("a");
        FakeSession b = session("b");
        join(room, a, null);
        join(room, b, null);

        assertThat(send(room, a, "one")).isEqualTo(1);
        assertThat(send(room, b, "two")).isEqualTo(2);

        for (FakeSession s : List.of(a, b)) {
            assertThat(s.received(MessageEvent.class)).extracting(MessageEvent::seq).containsExactly(1L, 2L);
        }
        assertThat(a.received(MessageEvent.class).get(0).from().id()).isEqualTo("a");
        assertThat(a.received(MessageEvent.class).get(0).ts()).isEqualTo(clock.millis());
    }

    @Test
    void send_encodesOnceAndReleasesTheFrame() {
        Room room = room();
        List<FakeSession> sessions = List.of(session("a"), session("b"), session("c"));
        sessions.forEach(s -> join(room, s, null));
        int encodedBefore = encoder.encoded;

        send(room, sessions.get(0), "hi");

        assertThat(encoder.encoded - encodedBefore).isEqualTo(1);
        assertThat(encoder.released).isEqualTo(encoder.encoded);
    }

    @Test
    void send_notJoined_isNotInRoom() {
        Room room = room();
        room.send(session("a"), Send.text("circle", "hi"), replies::add);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void send_textOverLimit_isTooLargeAndTakesNoSeq() {
        Room room = room();
        FakeSession a = session("a");
        join(room, a, null);
        room.send(a, Send.text("circle", "x".repeat(11)), replies::add);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(send(room, a, "x".repeat(10))).isEqualTo(1);
    }

    @Test
    void send_limitCountsCharactersNotUtf16Units() {
        Room room = room();
        FakeSession a = session("a");
        join(room, a, null);
        assertThat(send(room, a, "\uD83D\uDE00".repeat(10))).isEqualTo(1);
    }

    @Test
    void join_announcesPresenceToOthersAndListsMembers() {
        Room room = room();
        FakeSession a = session("a");
        join(room, a, null);
        JoinResult result = join(room, session("b"), null);

        assertThat(result.members()).extracting(m -> m.id()).containsExactly("a", "b");
        assertThat(result.room().members()).isEqualTo(2);
        assertThat(a.received(PresenceEvent.class)).singleElement()
                .satisfies(p -> {
                    assertThat(p.event()).isEqualTo(PresenceKind.JOIN);
                    assertThat(p.member().id()).isEqualTo("b");
                });
    }

    @Test
    void join_guidelinesNotAccepted_isRefused() {
        Room room = room(10, "Be kind.", false, 100);
        room.join(session("a"), new Join("j", "circle", null, null), replies::add);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.GUIDELINES_REQUIRED);
        room.join(session("a"), new Join("j", "circle", null, false), replies::add);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.GUIDELINES_REQUIRED);
        assertThat(room.info().members()).isZero();
    }

    @Test
    void join_full_isRefusedButSameUsersSecondConnectionGetsIn() {
        Room room = room(1, null, false, 100);
        FakeSession firstTab = session("a");
        join(room, firstTab, null);

        room.join(session("b"), Join.room("circle"), replies::add);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.ROOM_FULL);

        FakeSession secondTab = session("a");
        join(room, secondTab, null);
        send(room, firstTab, "both tabs");
        assertThat(secondTab.received(MessageEvent.class)).hasSize(1);
        assertThat(firstTab.received(PresenceEvent.class)).isEmpty();
    }

    @Test
    void join_locked_refusesMembersButNotFacilitators() {
        Room room = room(10, null, true, 100);
        room.join(session("a"), Join.room("circle"), replies::add);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.ROOM_LOCKED);

        FakeSession facilitator = new FakeSession(new Identity("f", "Fran", Role.FACILITATOR, null, false));
        assertThat(join(room, facilitator, null).members()).extracting(m -> m.role()).containsExactly(Role.FACILITATOR);
    }

    @Test
    void join_facilitatorTokenForOtherRooms_isMemberHere() {
        Room room = room();
        FakeSession limited = new FakeSession(new Identity("f", "Fran", Role.FACILITATOR, Set.of("elsewhere"), false));
        assertThat(join(room, limited, null).members().get(0).role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void join_since_returnsOnlyLaterMessagesWithoutGap() {
        Room room = room();
        FakeSession a = session("a");
        join(room, a, null);
        for (int i = 0; i < 5; i++) {
            send(room, a, "m" + i);
        }
        JoinResult result = join(room, session("b"), 3L);
        assertThat(result.history()).extracting(MessageEvent::seq).containsExactly(4L, 5L);
        assertThat(result.seq()).isEqualTo(5);
        assertThat(result.gap()).isFalse();
    }

    @Test
    void join_sinceBeforeDroppedMessages_reportsGap() {
        Room room = room(10, null, false, 3);
        FakeSession a = session("a");
        join(room, a, null);
        for (int i = 0; i < 6; i++) {
            send(room, a, "m" + i);
        }
        JoinResult behind = join(room, session("b"), 1L);
        assertThat(behind.history()).extracting(MessageEvent::seq).containsExactly(4L, 5L, 6L);
        assertThat(behind.gap()).isTrue();

        JoinResult upToDate = join(room, session("c"), 3L);
        assertThat(upToDate.gap()).isFalse();
    }

    @Test
    void history_dropsMessagesPastMaxAge() {
        Room room = room();
        FakeSession a = session("a");
        join(room, a, null);
        send(room, a, "old");
        clock.advance(Duration.ofMinutes(59));
        send(room, a, "newer");
        clock.advance(Duration.ofMinutes(2));
        room.sweep();

        JoinResult result = join(room, session("b"), 0L);
        assertThat(result.history()).extracting(MessageEvent::seq).containsExactly(2L);
        assertThat(result.gap()).isTrue();
    }

    @Test
    void join_withoutSince_getsAllHeldHistory() {
        Room room = room(10, null, false, 2);
        FakeSession a = session("a");
        join(room, a, null);
        for (int i = 0; i < 4; i++) {
            send(room, a, "m" + i);
        }
        JoinResult result = join(room, session("b"), null);
        assertThat(result.history()).extracting(MessageEvent::seq).containsExactly(3L, 4L);
        assertThat(result.gap()).isFalse();
    }

    @Test
    void leave_announcesLeaveAndStopsDelivery() {
        Room room = room();
        FakeSession a = session("a");
        FakeSession b = session("b");
        join(room, a, null);
        join(room, b, null);

        room.leave(b, "l", replies::add);
        assertThat(lastReply()).isEqualTo(Ok.empty("l"));
        send(room, a, "after");

        assertThat(b.received(MessageEvent.class)).isEmpty();
        assertThat(a.received(PresenceEvent.class)).extracting(PresenceEvent::event)
                .containsExactly(PresenceKind.JOIN, PresenceKind.LEAVE);
        room.leave(b, "again", replies::add);
        assertThat(errorOf(lastReply())).isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void disconnect_ofOneTab_keepsUserPresentUntilLastTabGoes() {
        Room room = room();
        FakeSession watcher = session("w");
        FakeSession tab1 = session("a");
        FakeSession tab2 = session("a");
        join(room, watcher, null);
        join(room, tab1, null);
        join(room, tab2, null);

        room.disconnect(tab1);
        assertThat(room.info().members()).isEqualTo(2);
        assertThat(watcher.received(PresenceEvent.class)).hasSize(1);

        room.disconnect(tab2);
        assertThat(room.info().members()).isEqualTo(1);
        assertThat(watcher.received(PresenceEvent.class)).extracting(PresenceEvent::event)
                .containsExactly(PresenceKind.JOIN, PresenceKind.LEAVE);
    }

    @Test
    void join_twiceOnOneConnection_isIdempotent() {
        Room room = room();
        FakeSession watcher = session("w");
        FakeSession a = session("a");
        join(room, watcher, null);
        join(room, a, null);
        join(room, a, null);
        send(room, watcher, "once");
        assertThat(a.received(MessageEvent.class)).hasSize(1);
        assertThat(watcher.received(PresenceEvent.class)).hasSize(1);
    }
}
