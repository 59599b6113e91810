package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.CatchUp;
import dev.haven.client.HavenErrorException;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the chat says and changes when the connection goes and comes back, without a server. */
class ConnectionEventsTest {
    private static final RoomInfo LOUNGE = new RoomInfo("lounge", "Lounge", RoomCategory.GENERAL, "Drop in", List.of(),
            1, 100, false, Admission.OPEN, null, 0, false);
    private static final UserInfo SAM = new UserInfo("g1", "Sam", Role.MEMBER);
    private static final MemberInfo SAM_HERE = new MemberInfo("g1", "Sam", Role.MEMBER, false, null, null);
    private static final MemberInfo KIM_HERE = new MemberInfo("g7", "Kim", Role.MEMBER, false, null, null);

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final ChatState state = new ChatState();
    private final ConnectionEvents connection = new ConnectionEvents(state,
            new Transcript(new PrintStream(shown, true, StandardCharsets.UTF_8)), 60);

    @BeforeEach
    void inTheLounge() {
        state.me = SAM;
        state.room = new CurrentRoom("lounge", JoinResult.joined(LOUNGE, List.of(SAM_HERE), List.of(message(1),
                message(2)), 2, false));
    }

    private static MessageEvent message(long seq) {
        return new MessageEvent("lounge", seq, new UserInfo("g7", "Kim", Role.MEMBER), "m" + seq, 1000 + seq, null);
    }

    private static JoinResult rejoined(MemberInfo... members) {
        return JoinResult.joined(LOUNGE, List.of(members), List.of(), 5, false);
    }

    private String lines() {
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lost_thenTheFirstAttempt_isOneLine_sayingWhyAndWhen() {
        connection.handle(new ChatInput.Lost(1001, "server shutting down"));
        connection.handle(new ChatInput.Retrying(1, Duration.ofMillis(420), null));

        assertThat(lines()).isEqualTo("Connection lost (the server is restarting or shutting down); reconnecting in "
                + "0.4 s... (/quit to stop)\n");
    }

    @Test
    void failedAttempts_sayWhy_whenTheNextComes_andHowManyAreLeft() {
        connection.handle(new ChatInput.Retrying(3, Duration.ofMillis(2500), "the server cannot be reached"));
        connection.handle(new ChatInput.Retrying(4, Duration.ofMillis(40), "the server cannot be reached"));

        assertThat(lines()).isEqualTo("""
                Could not reconnect (the server cannot be reached); trying again in 2.5 s (attempt 3 of 60)...
                Could not reconnect (the server cannot be reached); trying again now (attempt 4 of 60)...
                """);
    }

    @Test
    void why_putsCloseCodesInWords() {
        assertThat(ConnectionEvents.why(1006, "connection lost (EOFException)")).isEqualTo("the network connection broke");
        assertThat(ConnectionEvents.why(1006, "no answer from the server within 10 s"))
                .isEqualTo("no answer from the server within 10 s");
        assertThat(ConnectionEvents.why(1000, "heartbeat timeout")).isEqualTo("the server stopped hearing from this client");
        assertThat(ConnectionEvents.why(1008, "slow")).isEqualTo("this client fell behind the conversation");
        assertThat(ConnectionEvents.why(1012, "service restart"))
                .isEqualTo("this server is restarting; another one takes over");
        assertThat(ConnectionEvents.why(1008, "flooding")).isEqualTo("1008: flooding");
        assertThat(ConnectionEvents.why(4001, "token\u001b[2J expired")).isEqualTo("4001: token?[2J expired");
    }

    @Test
    void resumeRefused_tellsTheGuestItComesBackAsANewGuest_underTheSameName() {
        connection.handle(new ChatInput.ResumeRefused());

        assertThat(lines()).isEqualTo("Your earlier visit could not be resumed: you are back under the same name,"
                + " as a new guest.\n");
    }

    @Test
    void reconnected_takesTheNewIdentity_whenTheResumeWasRefused() {
        UserInfo again = new UserInfo("g2", "Sam", Role.MEMBER);

        connection.handle(new ChatInput.Reconnected(new HelloResult(again, 30)));

        assertThat(state.me).isEqualTo(again);
        assertThat(lines()).isEqualTo("Reconnected.\n");
    }

    @Test
    void caughtUp_saysHowManyFollow_andWhoIsHereNow() {
        connection.handle(new ChatInput.CaughtUp(new CatchUp("lounge", rejoined(KIM_HERE, SAM_HERE), 1, false, false,
                true)));

        assertThat(lines()).isEqualTo("Back in Lounge: caught up 1 message. Here now: Kim, Sam.\n");
        assertThat(state.room.members()).containsExactly(KIM_HERE, SAM_HERE);
        assertThat(state.room.accept(message(2))).isFalse();
        assertThat(state.room.accept(message(3))).isTrue();
    }

    @Test
    void caughtUp_withNothingMissed_andAGap_saySo() {
        connection.handle(new ChatInput.CaughtUp(new CatchUp("lounge", rejoined(SAM_HERE), 0, true, false, true)));

        assertThat(lines()).isEqualTo("""
                Back in Lounge: nothing new while you were away. Here now: Sam.
                (Some messages were missed while you were away: they are no longer held.)
                """);
    }

    @Test
    void caughtUp_afterARestart_saysSo_andTakesMessageNumbersFromOneAgain() {
        connection.handle(new ChatInput.CaughtUp(new CatchUp("lounge", rejoined(SAM_HERE), 1, false, true, true)));

        assertThat(lines()).startsWith("The server restarted: messages from before are no longer held, and message "
                + "numbers start again.\nBack in Lounge: caught up 1 message.");
        assertThat(state.room.accept(message(1))).isTrue();
    }

    @Test
    void caughtUp_holeFilledOnTheSameConnection_saysNothingUnlessAGap() {
        connection.handle(new ChatInput.CaughtUp(new CatchUp("lounge", rejoined(SAM_HERE), 2, false, false, false)));

        assertThat(lines()).isEmpty();
    }

    @Test
    void caughtUp_waiting_leavesTheRoom_untilAdmitted_andRemembersTheLastMessageShown() {
        connection.handle(new ChatInput.CaughtUp(new CatchUp("lounge", JoinResult.waitingForAdmission(), 0, false,
                false, true)));

        assertThat(state.room).isNull();
        assertThat(state.awaitingAdmission).containsEntry("lounge", true);
        assertThat(state.lastShown).containsEntry("lounge", 2L);
        assertThat(lines()).isEqualTo("Lounge now admits members by approval: you are waiting for a facilitator to "
                + "let you back in.\n");
    }

    @Test
    void rejoinFailed_leavesTheRoom_withTheServersReason() {
        connection.handle(new ChatInput.RejoinFailed("elsewhere", new HavenErrorException("9", "room_full", "full",
                null)));
        assertThat(state.room).isNotNull();

        connection.handle(new ChatInput.RejoinFailed("lounge", new HavenErrorException("9", "banned",
                "you cannot join this room at the moment", null)));

        assertThat(state.room).isNull();
        assertThat(lines()).isEqualTo("! banned: you could not get back into Lounge: you cannot join this room at the "
                + "moment\n");
    }

    @Test
    void gaveUp_isRemembered_forTheExitStatus() {
        assertThat(connection.gaveUpAfter()).isZero();

        connection.handle(new ChatInput.GaveUp(60));

        assertThat(connection.gaveUpAfter()).isEqualTo(60);
    }
}
