package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.Remove;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guest's sanction reaches the person, not one pseudonym: its address, remembered for a day
 * after it leaves, its other tabs present, and new guests from the same address.
 */
class GuestAddressesTest {
    private static final String ROOM = "group";
    private static final String HOME = "198.51.100.7";
    private static final String ELSEWHERE = "203.0.113.9";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final List<ServerMessage> replies = new ArrayList<>();
    private final Room room = new Room(new RoomSettings(ROOM, "Group", RoomCategory.GENERAL, "topic", List.of("t"), 20,
            null, false), TestServer.config(100), executor, clock, new FakeFrameEncoder());
    private final FakeSession fran = session("fac", "Fran", Role.FACILITATOR, false, ELSEWHERE);

    GuestAddressesTest() {
        assertThat(join(fran)).isInstanceOf(Ok.class);
    }

    private static FakeSession session(String id, String name, Role role, boolean guest, String address) {
        return new FakeSession(new Identity(id, name, role, null, guest)) {
            @Override
            public String remoteAddress() {
                return address;
            }
        };
    }

    private static FakeSession guest(String id, String address) {
        return session(id, "Guest " + id, Role.MEMBER, true, address);
    }

    private ServerMessage last() {
        return replies.get(replies.size() - 1);
    }

    private ServerMessage join(FakeSession session) {
        room.join(session, new Join("j", ROOM, null, true), replies::add);
        executor.advance(Duration.ZERO);
        return last();
    }

    private ServerMessage send(FakeSession session) {
        room.send(session, new Send("s", ROOM, "hello", null), replies::add);
        return last();
    }

    private ServerMessage facilitator(dev.haven.protocol.client.RoomRequest request) {
        room.command(fran, request, replies::add);
        return last();
    }

    private static ErrorCode code(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    private static boolean told(FakeSession session, NoticeKind kind) {
        return session.received(Notice.class).stream().anyMatch(n -> n.kind() == kind);
    }

    @Test
    void ban_ofAGuestWhoJustLeft_holdsAgainstNewGuestsFromItsAddress() {
        FakeSession quiet = guest("g-quiet", HOME);
        join(quiet);
        room.leave(quiet, "l", replies::add);

        assertThat(facilitator(new Ban("b", ROOM, "g-quiet", null, null))).isInstanceOf(Ok.class);

        assertThat(code(join(guest("g-pine", HOME)))).isEqualTo(ErrorCode.BANNED);
        assertThat(join(guest("g-oak", ELSEWHERE))).isInstanceOf(Ok.class);
    }

    @Test
    void ban_ofAGuestWhoLeftMoreThanADayAgo_holdsByItsIdOnly() {
        FakeSession quiet = guest("g-quiet", HOME);
        join(quiet);
        room.leave(quiet, "l", replies::add);
        executor.advance(GuestAddresses.REMEMBERED_FOR.plusMinutes(1));

        assertThat(facilitator(new Ban("b", ROOM, "g-quiet", null, null))).isInstanceOf(Ok.class);

        assertThat(join(guest("g-pine", HOME))).as("the address was forgotten").isInstanceOf(Ok.class);
    }

    @Test
    void mute_ofAGuestWhoJustLeft_holdsAgainstNewGuestsFromItsAddress() {
        FakeSession loud = guest("g-loud", HOME);
        join(loud);
        room.leave(loud, "l", replies::add);

        assertThat(facilitator(new Mute("m", ROOM, "g-loud", 600L, null))).isInstanceOf(Ok.class);
        FakeSession again = guest("g-again", HOME);
        assertThat(join(again)).isInstanceOf(Ok.class);

        assertThat(code(send(again))).isEqualTo(ErrorCode.MUTED);
        assertThat(told(again, NoticeKind.MUTED)).isTrue();
        executor.advance(Duration.ofSeconds(600));
        assertThat(send(again)).as("the mute ends when the first one does").isInstanceOf(Ok.class);
        assertThat(told(again, NoticeKind.UNMUTED)).isTrue();
    }

    @Test
    void mute_ofSomeoneNeverHere_isStillNotFound() {
        assertThat(code(facilitator(new Mute("m", ROOM, "g-nobody", 600L, null)))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void mute_ofAGuestPresent_holdsForItAndNewGuestsFromItsAddressOnly() {
        FakeSession tab1 = guest("g-tab1", HOME);
        FakeSession tab2 = guest("g-tab2", HOME);
        FakeSession neighbour = guest("g-neighbour", ELSEWHERE);
        FakeSession member = session("m-home", "Hana", Role.MEMBER, false, HOME);
        for (FakeSession s : List.of(tab1, tab2, neighbour, member)) {
            join(s);
        }

        assertThat(facilitator(new Mute("m", ROOM, "g-tab1", null, "a pause"))).isInstanceOf(Ok.class);

        assertThat(code(send(tab1))).isEqualTo(ErrorCode.MUTED);
        assertThat(send(tab2)).as("a guest already present is someone else as far as a mute goes").isInstanceOf(Ok.class);
        assertThat(send(neighbour)).isInstanceOf(Ok.class);
        assertThat(send(member)).as("members with tokens follow their own id").isInstanceOf(Ok.class);
    }

    @Test
    void ban_ofAGuest_endsEveryGuestSessionFromItsAddress_removeOnlyItsOwn() {
        FakeSession tab1 = guest("g-tab1", HOME);
        FakeSession tab2 = guest("g-tab2", HOME);
        FakeSession member = session("m-home", "Hana", Role.MEMBER, false, HOME);
        for (FakeSession s : List.of(tab1, tab2, member)) {
            join(s);
        }

        assertThat(facilitator(new Ban("b", ROOM, "g-tab1", null, null))).isInstanceOf(Ok.class);

        assertThat(told(tab1, NoticeKind.BANNED)).isTrue();
        assertThat(told(tab2, NoticeKind.BANNED)).isTrue();
        assertThat(code(send(tab2))).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(send(member)).isInstanceOf(Ok.class);

        FakeSession other1 = guest("g-o1", ELSEWHERE);
        FakeSession other2 = guest("g-o2", ELSEWHERE);
        join(other1);
        join(other2);
        assertThat(facilitator(new Remove("r", ROOM, "g-o2", null))).isInstanceOf(Ok.class);
        assertThat(told(other2, NoticeKind.REMOVED)).isTrue();
        assertThat(code(send(other2))).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(told(other1, NoticeKind.REMOVED)).as("a removal is a step out, not an address ban").isFalse();
        assertThat(send(other1)).isInstanceOf(Ok.class);
        assertThat(join(other2)).as("a removal is no ban").isInstanceOf(Ok.class);
    }
}
