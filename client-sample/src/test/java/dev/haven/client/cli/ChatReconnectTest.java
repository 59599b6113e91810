package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.ReconnectPolicy;
import dev.haven.client.testing.HavenTestServer;
import dev.haven.client.testing.LoopbackProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command-line chat losing its connection, against a real server behind a relay the test
 * breaks: Sam is told, comes back, and reads each line Alex wrote meanwhile exactly once.
 */
class ChatReconnectTest {
    private static final String LOUNGE = HavenTestServer.LOUNGE;
    /** Waits of seconds: the chat is surely between attempts when the test types. */
    private static final ReconnectPolicy SLOW = ReconnectPolicy.DEFAULT
            .withDelays(Duration.ofSeconds(20), Duration.ofSeconds(30));

    private HavenTestServer server = HavenTestServer.start();
    private final LoopbackProxy network = LoopbackProxy.to(server.port());
    private final List<ChatRun> runs = new ArrayList<>();

    @AfterEach
    void stop() {
        runs.forEach(ChatRun::close);
        network.close();
        server.stop();
    }

    @Test
    void lostConnection_isShown_madeAgain_andEachLineMissedComesOnce_inOrder_thenLiveLines() throws Exception {
        ChatRun sam = samThroughTheNetwork(HavenTestServer.FAST_RECONNECT);
        ChatRun alex = alex();
        alex.type("before the break");
        sam.awaitOutput("[1] Alex: before the break");

        network.goDown();
        sam.awaitOutputMatching("Connection lost \\(the network connection broke\\); reconnecting (in \\d+\\.\\d s|now)\\.\\.\\. "
                + "\\(/quit to stop\\)");
        alex.type("while you were away");
        alex.awaitOutput("[2] Alex: while you were away");
        alex.type("and one more");
        alex.awaitOutput("[3] Alex: and one more");
        network.comeBack();
        sam.awaitOutput("Back in Lounge: caught up 2 messages. Here now: ");
        alex.type("live again");
        sam.awaitOutput("[4] Alex: live again");

        String shown = sam.output();
        assertThat(shown).containsSubsequence("[1] Alex: before the break", "Connection lost", "Reconnected.",
                "Back in Lounge: caught up 2 messages.", "[2] Alex: while you were away", "[3] Alex: and one more",
                "[4] Alex: live again");
        for (int seq = 1; seq <= 4; seq++) {
            assertThat(count(shown, "[" + seq + "] Alex")).as("times message %d is shown", seq).isOne();
        }
        assertThat(shown).doesNotContain("Some messages were missed");
        sam.type("back with you");
        alex.awaitOutput("[5] Sam: back with you");
        System.out.println("SCRATCH-SAM\n" + sam.output() + "SCRATCH-ALEX\n" + alex.output());
    }

    @Test
    void serverRestart_isShown_andTheNewServersMessagesComeThrough() throws Exception {
        ChatRun sam = samThroughTheNetwork(HavenTestServer.FAST_RECONNECT);
        alex().type("before the restart");
        sam.awaitOutput("[1] Alex: before the restart");

        server.stop();
        sam.awaitOutput("Connection lost (the server is restarting or shutting down); reconnecting ");
        server = HavenTestServer.start();
        network.pointTo(server.port());
        sam.awaitOutput("The server restarted: messages from before are no longer held, and message numbers start again.");
        sam.awaitOutput("Back in Lounge: nothing new while you were away. Here now: Sam.");
        alex().type("first after the restart");

        sam.awaitOutput("[1] Alex: first after the restart");
        System.out.println("SCRATCH-RESTART\n" + sam.output());
    }

    @Test
    void messagesNoLongerHeld_areNoted_andThoseStillHeldShown() throws Exception {
        server.stop();
        server = HavenTestServer.withHistoryOf(2);
        network.pointTo(server.port());
        ChatRun sam = samThroughTheNetwork(HavenTestServer.FAST_RECONNECT);
        ChatRun alex = alex();
        alex.type("m1");
        sam.awaitOutput("[1] Alex: m1");

        network.goDown();
        sam.awaitOutput("Connection lost");
        for (int i = 2; i <= 5; i++) {
            alex.type("m" + i);
            alex.awaitOutput("[" + i + "] Alex: m" + i);
        }
        network.comeBack();

        sam.awaitOutput("[5] Alex: m5");
        System.out.println("SCRATCH-GAP\n" + sam.output());
        assertThat(sam.output()).containsSubsequence("Back in Lounge: caught up 2 messages.",
                "(Some messages were missed while you were away: they are no longer held.)", "[4] Alex: m4",
                "[5] Alex: m5").doesNotContain("[2] Alex").doesNotContain("[3] Alex");
    }

    @Test
    void betweenAttempts_aLineIsNotSent_andQuitEndsAtOnce() throws Exception {
        ChatRun sam = samThroughTheNetwork(SLOW);

        network.goDown();
        sam.awaitOutput("); reconnecting ");
        sam.type("is anyone there?");
        sam.awaitOutput("! not_connected: there is no connection right now, so nothing was sent; "
                + "try again once reconnected");
        sam.type("/quit");

        assertThat(sam.awaitExit(Duration.ofSeconds(3))).isZero();
        assertThat(sam.output()).endsWith("Bye.\n").doesNotContain("You left");
    }

    @Test
    void serverGone_forEveryAttempt_givesUp_andExitsWithTryLater() throws Exception {
        ChatRun sam = samThroughTheNetwork(HavenTestServer.FAST_RECONNECT.withMaxAttempts(2));

        server.stop();

        assertThat(sam.awaitExit()).isEqualTo(ChatSession.EXIT_TRY_LATER);
        assertThat(sam.output()).containsSubsequence(
                "Connection lost (the server is restarting or shutting down); reconnecting ",
                "(attempt 2 of 2)...", "! closed: could not reconnect after 2 attempts (the connection broke while "
                        + "it was being made); try again later");
        System.out.println("SCRATCH-GIVEUP\n" + sam.output());
    }

    @Test
    void withoutReconnecting_serverShutdown_endsTheChat_withTryLater() throws Exception {
        ChatRun sam = samThroughTheNetwork(ReconnectPolicy.DEFAULT.withMaxAttempts(0));

        server.stop();

        assertThat(sam.awaitExit()).isEqualTo(ChatSession.EXIT_TRY_LATER);
        assertThat(sam.output()).contains("! closed: the server closed the connection (the server is restarting "
                + "or shutting down)").doesNotContain("reconnecting");
    }

    /** Sam, in the lounge, through the relay. */
    private ChatRun samThroughTheNetwork(ReconnectPolicy policy) {
        ChatRun sam = ChatRun.start(policy, "--url", network.url().toString(), "--name", "Sam", "--room", LOUNGE);
        runs.add(sam);
        sam.awaitOutput("You joined Lounge");
        return sam;
    }

    /** Alex, in the lounge, straight to the server. */
    private ChatRun alex() {
        ChatRun alex = ChatRun.start("--url", server.url().toString(), "--name", "Alex", "--room", LOUNGE);
        runs.add(alex);
        alex.awaitOutput("You joined Lounge");
        return alex;
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
