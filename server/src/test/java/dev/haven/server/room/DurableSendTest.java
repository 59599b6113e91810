package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.HistorySettings;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A room whose messages must be durable first: Sam's message is answered and reaches the room
 * only once the journal holds it, in seq order whatever order the journal answers in; when an
 * answer is lost, what landed is delivered and what did not is refused, never both and never neither.
 */
class DurableSendTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final ScriptedJournal journal = new ScriptedJournal();
    private final Map<String, ServerMessage> replies = new HashMap<>();
    private Room room;
    private FakeSession sam;
    private FakeSession robin;

    /** A journal whose appends wait until the test answers them; {@link #landed} is what it holds. */
    private static final class ScriptedJournal implements MessageJournal {
        final List<MessageEvent> landed = new ArrayList<>();
        final Map<Long, CompletableFuture<Appended>> appends = new HashMap<>();
        final List<Long> deleted = new ArrayList<>();
        final List<Long> purged = new ArrayList<>();
        CompletableFuture<Tail> readBack;
        int readBacks;

        @Override
        public CompletableFuture<Appended> append(MessageEvent message) {
            CompletableFuture<Appended> answer = new CompletableFuture<>();
            appends.put(message.seq(), answer);
            pendingMessages.put(message.seq(), message);
            return answer;
        }

        final Map<Long, MessageEvent> pendingMessages = new HashMap<>();

        void lands(long seq) {
            landed.add(pendingMessages.get(seq));
            appends.get(seq).complete(new Appended(Outcome.APPENDED, seq));
        }

        void answer(long seq, Outcome outcome) {
            appends.get(seq).complete(new Appended(outcome, seq));
        }

        @Override
        public CompletableFuture<Tail> after(long seq) {
            readBacks++;
            readBack = new CompletableFuture<>();
            return readBack;
        }

        void readsBack() {
            readBack.complete(new Tail(landed.isEmpty() ? 0 : landed.get(landed.size() - 1).seq(),
                    landed.stream().toList()));
        }

        @Override
        public void deleted(long seq) {
            deleted.add(seq);
        }

        @Override
        public void purged(long throughSeq) {
            purged.add(throughSeq);
        }

        @Override
        public void trim(long nowMillis) {
        }
    }

    @BeforeEach
    void durableRoom() {
        RoomSettings settings = new RoomSettings("lounge", "Lounge", RoomCategory.GENERAL, "topic", List.of(), 10,
                null, false);
        HavenConfig config = TestServer.config(100).withHistory(new HistorySettings(100, 3600));
        room = new Room(settings, config, executor, clock, new FakeFrameEncoder());
        room.resume(journal, List.of(), 0, 0);
        sam = session("sam");
        robin = session("robin");
        join(sam, null);
        join(robin, null);
    }

    private static FakeSession session(String id) {
        return new FakeSession(new Identity(id, "Name " + id, Role.MEMBER, null, false));
    }

    private JoinResult join(FakeSession who, Long since) {
        room.join(who, new Join("j-" + who.identity().id(), "lounge", since, true), reply -> replies.put("join", reply));
        return (JoinResult) ((Ok) replies.get("join")).result();
    }

    private void send(FakeSession who, String requestId, String clientId) {
        room.send(who, new Send(requestId, "lounge", "words " + requestId, clientId), reply -> replies.put(requestId, reply));
    }

    private long seqOf(String requestId) {
        return ((SendResult) ((Ok) replies.get(requestId)).result()).seq();
    }

    private static List<Long> seqs(FakeSession who) {
        return who.received(MessageEvent.class).stream().map(MessageEvent::seq).toList();
    }

    @Test
    void send_isAnsweredAndDelivered_onlyOnceTheJournalHoldsIt() {
        send(sam, "s1", "c1");
        assertThat(replies).doesNotContainKey("s1");
        assertThat(seqs(robin)).as("nobody sees a message before it is durable").isEmpty();
        assertThat(join(session("kim"), 0L).seq()).as("a join reports only what was delivered").isZero();

        journal.lands(1);

        assertThat(seqOf("s1")).isEqualTo(1);
        assertThat(seqs(robin)).containsExactly(1L);
        assertThat(seqs(sam)).containsExactly(1L);
        assertThat(join(session("lee"), 0L).history()).extracting(MessageEvent::seq).containsExactly(1L);
    }

    @Test
    void appendsAnsweredOutOfOrder_areDeliveredInSeqOrder() {
        send(sam, "s1", "c1");
        send(robin, "s2", "c2");
        send(sam, "s3", "c3");

        journal.lands(3);
        journal.lands(2);
        assertThat(seqs(robin)).as("2 and 3 wait for 1").isEmpty();
        journal.lands(1);

        assertThat(seqs(robin)).containsExactly(1L, 2L, 3L);
        assertThat(seqs(sam)).containsExactly(1L, 2L, 3L);
        assertThat(List.of(seqOf("s1"), seqOf("s2"), seqOf("s3"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anAnswerLost_readsTheJournalBack_deliversWhatLanded_andRefusesWhatDidNot() {
        send(sam, "s1", "c1");
        send(robin, "s2", "c2");
        send(sam, "s3", "c3");
        journal.landed.add(journal.pendingMessages.get(1L));
        journal.landed.add(journal.pendingMessages.get(2L));

        journal.answer(1, MessageJournal.Outcome.UNCERTAIN);
        send(robin, "s4", "c4");
        assertThat(((ErrorReply) replies.get("s4")).code()).as("nothing is accepted while the room reads back")
                .isEqualTo(ErrorCode.UNAVAILABLE);
        journal.readsBack();

        assertThat(seqOf("s1")).isEqualTo(1);
        assertThat(seqOf("s2")).isEqualTo(2);
        assertThat(((ErrorReply) replies.get("s3")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(((ErrorReply) replies.get("s3")).retryAfterMs()).isPositive();
        assertThat(seqs(robin)).containsExactly(1L, 2L);

        send(sam, "s1-again", "c1");
        assertThat(((Ok) replies.get("s1-again")).result()).as("a retry of what landed")
                .isEqualTo(SendResult.duplicateOf(1));
        send(sam, "s3-again", "c3");
        journal.lands(3);
        assertThat(seqOf("s3-again")).as("a retry of what did not land is a new message").isEqualTo(3);
        assertThat(seqs(robin)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aMessageThatLandedAlthoughItsSenderWasRefused_isDeliveredAtTheNextReadBack() {
        send(sam, "s1", "c1");
        journal.answer(1, MessageJournal.Outcome.UNCERTAIN);
        journal.readBack.completeExceptionally(new IllegalStateException("the store is away"));
        assertThat(((ErrorReply) replies.get("s1")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        journal.landed.add(journal.pendingMessages.get(1L));

        executor.advance(DurableSend.READ_BACK_RETRY);
        assertThat(journal.readBacks).as("the room tries again by itself").isEqualTo(2);
        journal.readsBack();

        assertThat(seqs(robin)).as("accepted and delivered never part").containsExactly(1L);
        send(sam, "s1-again", "c1");
        assertThat(((Ok) replies.get("s1-again")).result()).isEqualTo(SendResult.duplicateOf(1));
    }

    @Test
    void aJournalThatKnowsTheClientId_answersDuplicate_andTheRoomReadsBack() {
        send(sam, "s1", "c1");
        send(sam, "s2", "c2");
        journal.answer(1, MessageJournal.Outcome.DUPLICATE);
        assertThat(((Ok) replies.get("s1")).result()).isEqualTo(SendResult.duplicateOf(1));
        journal.answer(2, MessageJournal.Outcome.UNCERTAIN);
        journal.readsBack();

        assertThat(((ErrorReply) replies.get("s2")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        send(sam, "s2-again", "c2");
        journal.lands(1);
        assertThat(seqOf("s2-again")).as("the seq the duplicate did not use is given again").isEqualTo(1);
    }

    @Test
    void aRoomNoLongerItsOwnersToWrite_refusesEverySend_andDeliversNothing() {
        send(sam, "s1", "c1");
        send(sam, "s2", "c2");
        journal.answer(1, MessageJournal.Outcome.LOST);

        assertThat(((ErrorReply) replies.get("s1")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(((ErrorReply) replies.get("s2")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        send(robin, "s3", "c3");
        assertThat(((ErrorReply) replies.get("s3")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(seqs(robin)).isEmpty();
    }

    @Test
    void deletingAMessage_deletesItFromTheJournal() {
        FakeSession facilitator = new FakeSession(new Identity("fac", "Fran", Role.FACILITATOR, null, false));
        join(facilitator, null);
        send(sam, "s1", "c1");
        journal.lands(1);

        room.command(facilitator, new Delete("d1", "lounge", 1L), reply -> replies.put("d1", reply));

        assertThat(replies.get("d1")).isInstanceOf(Ok.class);
        assertThat(journal.deleted).containsExactly(1L);
    }

    @Test
    void aRoomTakenUpFromItsJournal_servesItsHistory_andAnHonestGap() {
        Room next = new Room(new RoomSettings("lounge", "Lounge", RoomCategory.GENERAL, "topic", List.of(), 10, null,
                false), TestServer.config(100), executor, clock, new FakeFrameEncoder());
        UserInfo author = new UserInfo("sam", "Name sam", Role.MEMBER);
        List<MessageEvent> held = List.of(
                new MessageEvent("lounge", 41, author, "forty-one", clock.millis(), "c41", null),
                new MessageEvent("lounge", 42, author, "forty-two", clock.millis(), "c42", null));
        next.resume(journal, held, 42, 40);

        List<ServerMessage> answers = new ArrayList<>();
        FakeSession kim = session("kim");
        next.join(kim, new Join("j", "lounge", 41L, true), answers::add);
        JoinResult caughtUp = (JoinResult) ((Ok) answers.get(0)).result();
        assertThat(caughtUp.history()).extracting(MessageEvent::seq).containsExactly(42L);
        assertThat(caughtUp.gap()).isFalse();
        next.join(session("lee"), new Join("j", "lounge", 12L, true), answers::add);
        assertThat(((JoinResult) ((Ok) answers.get(1)).result()).gap()).as("12 to 40 were dropped by the bounds").isTrue();
        next.join(session("max"), new Join("j", "lounge", 57L, true), answers::add);
        assertThat(((JoinResult) ((Ok) answers.get(2)).result()).gap())
                .as("a since past the room's seq: the log was lost, so this is all there is").isTrue();

        next.join(sam, new Join("j", "lounge", 42L, true), answers::add);
        next.send(sam, new Send("again", "lounge", "forty-two again", "c42"), answers::add);
        assertThat(((Ok) answers.get(4)).result()).as("a retry after a takeover").isEqualTo(SendResult.duplicateOf(42));
    }

    @Test
    void aSessionClosedWhileAMessageWaits_purgesTheJournalThroughIt_andTheMessageIsNotHeldAfter() {
        send(sam, "s1", "c1");
        room.group.clearOut(dev.haven.protocol.server.Notice.sessionClosed("lounge", "closed"));
        assertThat(journal.purged).containsExactly(1L);

        journal.lands(1);

        assertThat(seqOf("s1")).isEqualTo(1);
        assertThat(room.history.all()).as("purged with the session").isEmpty();
        clock.advance(Duration.ofSeconds(1));
    }
}
