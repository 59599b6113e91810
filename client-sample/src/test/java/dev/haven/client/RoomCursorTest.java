package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.PresenceEvent;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Catch-up and de-duplication in one room, without a connection. */
class RoomCursorTest {
    private static final String ROOM = "lounge";
    private static final UserInfo KIM = new UserInfo("u1", "Kim", Role.MEMBER);

    private final RoomCursor cursor = new RoomCursor(ROOM, true);

    static MessageEvent message(long seq) {
        return new MessageEvent(ROOM, seq, KIM, "m" + seq, 1000 + seq, null);
    }

    /** A message with the same seq as one from before a restart, sent by the new server later. */
    static MessageEvent messageAfterRestart(long seq) {
        return new MessageEvent(ROOM, seq, KIM, "new " + seq, 900_000 + seq, null);
    }

    static JoinResult reply(long seq, boolean gap, List<MessageEvent> history) {
        return JoinResult.joined(null, List.of(), history, seq, gap);
    }

    static List<MessageEvent> messages(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(RoomCursorTest::message).toList();
    }

    @Test
    void joined_takesTheHistoryAndSeq_andLaterMessagesOnly() {
        cursor.joined(reply(3, false, messages(1, 3)), true);

        assertThat(cursor.lastSeq()).isEqualTo(3);
        assertThat(cursor.accept(message(3))).isFalse();
        assertThat(cursor.accept(message(4))).isTrue();
        assertThat(cursor.accept(message(4))).isFalse();
        assertThat(cursor.lastSeq()).isEqualTo(4);
    }

    @Test
    void rejoinSince_asksAgainForTheNewestMessageSeen_toRecogniseTheServer() {
        cursor.joined(reply(5, false, messages(1, 5)), true);

        assertThat(cursor.rejoinSince()).isEqualTo(4);
    }

    @Test
    void rejoinSince_withoutAnyMessageSeen_isTheRoomsSeq() {
        cursor.joined(reply(7, false, List.of()), true);

        assertThat(cursor.rejoinSince()).isEqualTo(7);
    }

    @Test
    void examine_returnsOnlyTheMessagesNotSeen_inSeqOrder_andMovesPastThem() {
        cursor.joined(reply(5, false, messages(1, 5)), true);
        cursor.startCatchUp();

        RoomCursor.Step step = cursor.examine(reply(8, false, List.of(message(7), message(5), message(8), message(6))),
                4, true);

        assertThat(step).isInstanceOf(RoomCursor.Done.class);
        assertThat(((RoomCursor.Done) step).missed()).extracting(MessageEvent::seq).containsExactly(6L, 7L, 8L);
        assertThat(((RoomCursor.Done) step).gap()).isFalse();
        assertThat(cursor.lastSeq()).isEqualTo(8);
    }

    @Test
    void heldEvents_comeBackInArrivalOrder_andTheCatchUpEnds() {
        cursor.joined(reply(2, false, messages(1, 2)), true);
        cursor.startCatchUp();
        PresenceEvent presence = new PresenceEvent(ROOM, PresenceKind.JOIN,
                new MemberInfo("u2", "Lee", Role.MEMBER, false, null, null));
        cursor.hold(message(4));
        cursor.hold(presence);

        assertThat(cursor.catchingUp()).isTrue();
        assertThat(cursor.endCatchUp()).containsExactly(message(4), presence);
        assertThat(cursor.catchingUp()).isFalse();
    }

    @Test
    void connectionLost_dropsWhatWasHeld_forTheNextRejoinBringsItAgain() {
        cursor.joined(reply(2, false, messages(1, 2)), true);
        cursor.startCatchUp();
        cursor.hold(message(3));

        cursor.connectionLost();

        assertThat(cursor.catchingUp()).isFalse();
        assertThat(cursor.lastSeq()).isEqualTo(2);
        assertThat(cursor.endCatchUp()).isEmpty();
    }

    @Test
    void isHole_whenALiveMessageSkipsSeqNumbers_onlyInAJoinedRoom() {
        RoomCursor joining = new RoomCursor(ROOM, false);
        joining.accept(message(3));
        assertThat(joining.isHole(message(6))).isFalse();

        cursor.joined(reply(3, false, messages(1, 3)), true);
        assertThat(cursor.isHole(message(4))).isFalse();
        assertThat(cursor.isHole(message(6))).isTrue();
        cursor.startCatchUp();
        assertThat(cursor.isHole(message(6))).isFalse();
    }

    @Test
    void examine_seqGoneBack_isARestart_andStartsAgainFromZero() {
        cursor.joined(reply(9, false, messages(1, 9)), true);
        cursor.startCatchUp();

        RoomCursor.Step step = cursor.examine(reply(2, false, List.of(messageAfterRestart(1), messageAfterRestart(2))),
                8, true);

        assertThat(step).isInstanceOf(RoomCursor.Restarted.class);
        assertThat(cursor.lastSeq()).isZero();
        RoomCursor.Step again = cursor.examine(reply(2, false, List.of(messageAfterRestart(1), messageAfterRestart(2))),
                0, false);
        assertThat(((RoomCursor.Done) again).missed()).extracting(MessageEvent::text).containsExactly("new 1", "new 2");
    }

    @Test
    void examine_theNewestMessageBackWithAnotherTime_isARestart_evenWhenTheNewServerGotFurther() {
        cursor.joined(reply(3, false, messages(1, 3)), true);
        cursor.startCatchUp();

        RoomCursor.Step step = cursor.examine(reply(5, false,
                List.of(messageAfterRestart(3), messageAfterRestart(4), messageAfterRestart(5))), 2, true);

        assertThat(step).isInstanceOf(RoomCursor.Restarted.class);
    }

    @Test
    void examine_withoutCheckingForARestart_takesTheReplyAsItIs() {
        cursor.joined(reply(3, false, messages(1, 3)), true);
        cursor.startCatchUp();

        RoomCursor.Step step = cursor.examine(reply(4, false, List.of(messageAfterRestart(3), message(4))), 3, false);

        assertThat(((RoomCursor.Done) step).missed()).extracting(MessageEvent::seq).containsExactly(4L);
    }

    @Test
    void examine_gapAfterAskingForOneMessageMore_asksAgainWithExactlyTheLastSeq() {
        cursor.joined(reply(3, false, messages(1, 3)), true);
        cursor.startCatchUp();

        // Messages up to 3 were dropped: the gap may be about message 3 alone, which was seen.
        RoomCursor.Step step = cursor.examine(reply(6, true, messages(4, 6)), 2, true);

        assertThat(step).isEqualTo(new RoomCursor.AskExactly(3));
        RoomCursor.Step exact = cursor.examine(reply(6, false, messages(4, 6)), 3, false);
        assertThat(((RoomCursor.Done) exact).gap()).isFalse();
        assertThat(((RoomCursor.Done) exact).missed()).extracting(MessageEvent::seq).containsExactly(4L, 5L, 6L);
    }

    @Test
    void examine_gapWhenAskedExactly_isReported_withTheMessagesStillHeld() {
        cursor.joined(reply(3, false, messages(1, 3)), true);
        cursor.startCatchUp();

        RoomCursor.Step step = cursor.examine(reply(20, true, messages(11, 20)), 3, false);

        assertThat(((RoomCursor.Done) step).gap()).isTrue();
        assertThat(((RoomCursor.Done) step).missed()).hasSize(10);
        assertThat(cursor.lastSeq()).isEqualTo(20);
    }

    @Test
    void examine_waitingForAdmission_isSaid() {
        cursor.joined(reply(3, false, messages(1, 3)), true);

        assertThat(cursor.examine(JoinResult.waitingForAdmission(), 2, true)).isInstanceOf(RoomCursor.Waiting.class);
    }
}
