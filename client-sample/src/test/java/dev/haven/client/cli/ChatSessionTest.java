package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.HavenClient;
import dev.haven.client.HavenListener;
import dev.haven.client.testing.HavenTestServer;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.EmptyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command-line chat end to end, against a real server: Sam and Alex meet in the lounge. */
class ChatSessionTest {
    private final HavenTestServer server = HavenTestServer.start();
    private final List<ChatRun> runs = new ArrayList<>();

    @AfterEach
    void stop() {
        runs.forEach(ChatRun::close);
        server.stop();
    }

    @Test
    void twoChats_inOneRoom_seeEachOthersLines_andTheLeaveAtEndOfInput() throws Exception {
        ChatRun sam = chat("--name", "Sam", "--room", HavenTestServer.LOUNGE);
        sam.awaitOutput("You joined Lounge (lounge). Here now: Sam.");
        ChatRun alex = chat("--name", "Alex", "--room", HavenTestServer.LOUNGE);
        alex.awaitOutput("You joined Lounge (lounge). Here now: Sam, Alex.");
        sam.awaitOutput("* Alex joined");

        alex.type("Hello from Alex, first time here");
        sam.awaitOutputMatching("(?m)^\\[1\\] Alex: Hello from Alex, first time here$");
        alex.awaitOutputMatching("(?m)^\\[1\\] Alex: Hello from Alex, first time here$");
        sam.type("Welcome, Alex");
        alex.awaitOutputMatching("(?m)^\\[2\\] Sam: Welcome, Alex$");
        sam.awaitOutputMatching("(?m)^\\[2\\] Sam: Welcome, Alex$");

        alex.endInput();
        assertThat(alex.awaitExit()).isZero();
        assertThat(alex.output()).contains("You left Lounge.").contains("Bye.");
        sam.awaitOutput("* Alex left");

        sam.endInput();
        assertThat(sam.awaitExit()).isZero();
    }

    @Test
    void endOfInput_rightAfterALine_stillShowsThatLineBeforeLeaving() throws Exception {
        ChatRun sam = chat("--name", "Sam", "--room", HavenTestServer.LOUNGE);
        sam.awaitOutput("You joined Lounge");

        sam.type("just this, then I go");
        sam.endInput();

        assertThat(sam.awaitExit()).isZero();
        assertThat(sam.output()).containsPattern("\\[1\\] Sam: just this, then I go\\nYou left Lounge\\.\\nBye\\.\\n$");
    }

    @Test
    void start_showsTheRoomList_withIdNameCategoryMembersCapacityAndTopic() throws Exception {
        ChatRun sam = chat("--name", "Sam");

        sam.awaitOutput("Type /join ROOM to enter a room");
        assertThat(sam.output())
                .contains("Connected to " + server.url() + " as Sam.")
                .containsPattern("(?m)^  lounge +Lounge \\[general\\] 0/100 - Drop in$")
                .containsPattern("(?m)^  circle +Anxiety Circle \\[condition\\] 0/30 - Worry and panic$");
        sam.endInput();
        assertThat(sam.awaitExit()).isZero();
    }

    @Test
    void join_showsTheRecentHistory() throws Exception {
        ChatRun sam = chat("--name", "Sam", "--room", HavenTestServer.LOUNGE);
        sam.type("anyone around?");
        sam.awaitOutput("[1] Sam: anyone around?");

        ChatRun alex = chat("--name", "Alex", "--room", HavenTestServer.LOUNGE);

        alex.awaitOutputMatching("Here now: Sam, Alex\\.\\n\\[1\\] Sam: anyone around\\?\\n");
    }

    @Test
    void who_listsThePresenceKeptFromTheJoinAndItsEvents() throws Exception {
        ChatRun sam = chat("--name", "Sam", "--room", HavenTestServer.LOUNGE);
        sam.awaitOutput("You joined Lounge");
        ChatRun alex = chat("--name", "Alex", "--room", HavenTestServer.LOUNGE);
        sam.awaitOutput("* Alex joined");

        sam.type("/who");
        sam.awaitOutput("In Lounge (2): Sam, Alex");
        alex.type("/leave");
        alex.awaitOutput("You left Lounge.");
        sam.awaitOutput("* Alex left");
        sam.type("/who");

        sam.awaitOutput("In Lounge (1): Sam\n");
    }

    @Test
    void joinCommand_inARoomWithGuidelines_asks_andJoinsOnYes() throws Exception {
        ChatRun sam = chat("--name", "Sam");

        sam.type("/join " + HavenTestServer.CIRCLE);
        sam.awaitOutput("Do you accept these guidelines? [y/N]");
        assertThat(sam.output()).contains(HavenTestServer.CIRCLE_GUIDELINES).doesNotContain("You joined");
        sam.type("y");

        sam.awaitOutput("You joined Anxiety Circle (circle).");
    }

    @Test
    void joinCommand_inARoomWithGuidelines_doesNotJoinOnNo() throws Exception {
        ChatRun sam = chat("--name", "Sam");

        sam.type("/join " + HavenTestServer.CIRCLE);
        sam.awaitOutput("Do you accept these guidelines? [y/N]");
        sam.type("no");
        sam.awaitOutput("You did not join Anxiety Circle.");
        sam.type("/who");

        sam.awaitOutput("! not_in_room: you are not in a room");
        assertThat(sam.output()).doesNotContain("You joined");
    }

    @Test
    void roomOption_withGuidelines_andPipedInput_joinsOnlyWithAcceptGuidelines() throws Exception {
        ChatRun refused = chat("--name", "Sam", "--room", HavenTestServer.CIRCLE);
        refused.awaitOutput("! guidelines_required:");
        assertThat(refused.output()).contains(HavenTestServer.CIRCLE_GUIDELINES).contains("--accept-guidelines")
                .doesNotContain("You joined").doesNotContain("[y/N]");

        ChatRun accepted = chat("--name", "Alex", "--room", HavenTestServer.CIRCLE, "--accept-guidelines");

        accepted.awaitOutput("You joined Anxiety Circle (circle).");
        assertThat(accepted.output()).contains(HavenTestServer.CIRCLE_GUIDELINES);
    }

    @Test
    void roomOption_inARoomThatAdmitsByApproval_saysTheMemberWaits_andDoesNotJoin() throws Exception {
        try (HavenClient fran = HavenClient.connect(server.url(), new HavenListener() { }).get(10, TimeUnit.SECONDS)) {
            fran.hello(Hello.withToken(server.token("fac-1", "Fran", Role.FACILITATOR))).get(10, TimeUnit.SECONDS);
            fran.join(HavenTestServer.LOUNGE, null).get(10, TimeUnit.SECONDS);
            fran.request(new SetRoom(null, HavenTestServer.LOUNGE, null, null, null, Admission.APPROVAL),
                    EmptyResult.class).get(10, TimeUnit.SECONDS);

            ChatRun sam = chat("--name", "Sam", "--room", HavenTestServer.LOUNGE);
            sam.awaitOutput("You are waiting for a facilitator to admit you to Lounge.");
            sam.type("/who");

            sam.awaitOutput("! not_in_room: you are not in a room");
            assertThat(sam.output()).doesNotContain("You joined");
            sam.endInput();
            assertThat(sam.awaitExit()).isZero();
        }
    }

    @Test
    void joinCommand_unknownRoom_showsTheServersError() throws Exception {
        ChatRun sam = chat("--name", "Sam");

        sam.type("/join no-such-room");

        sam.awaitOutput("! not_found: no room with that id");
    }

    @Test
    void typing_beforeJoining_saysToJoinFirst() throws Exception {
        ChatRun sam = chat("--name", "Sam");

        sam.type("hello?");

        sam.awaitOutput("! not_in_room: join a room first");
    }

    @Test
    void slashCommands_unknownIsExplained_andDoubleSlashSendsALineStartingWithSlash() throws Exception {
        ChatRun sam = chat("--name", "Sam", "--room", HavenTestServer.LOUNGE);

        sam.type("/dance");
        sam.type("//shrug");

        sam.awaitOutput("! unknown_command: /dance is not a command; /help lists them");
        sam.awaitOutput("[1] Sam: /shrug");
    }

    @Test
    void quit_leavesAndExitsWithZero() throws Exception {
        ChatRun sam = chat("--name", "Sam", "--room", HavenTestServer.LOUNGE);
        sam.awaitOutput("You joined Lounge");

        sam.type("/quit");

        assertThat(sam.awaitExit()).isZero();
        assertThat(sam.output()).contains("You left Lounge.").endsWith("Bye.\n");
    }

    @Test
    void token_signsInUnderTheTokensName() throws Exception {
        ChatRun fran = chat("--token", server.token("fac-1", "Fran", Role.FACILITATOR), "--room", HavenTestServer.LOUNGE);

        fran.awaitOutput("as Fran.");
        fran.awaitOutput("Here now: Fran (facilitator).");
    }

    @Test
    void badToken_showsUnauthenticated_andExitsWithFailure() throws Exception {
        ChatRun nobody = chat("--token", "not-a-token");

        assertThat(nobody.awaitExit()).isEqualTo(ChatSession.EXIT_FAILURE);
        assertThat(nobody.output()).contains("! unauthenticated:").doesNotContain("Rooms:");
    }

    @Test
    void unreachableServer_isReported_andExitsWithFailure() throws Exception {
        ChatRun sam = ChatRun.start("--url", "ws://127.0.0.1:1/ws", "--name", "Sam");
        runs.add(sam);

        assertThat(sam.awaitExit()).isEqualTo(ChatSession.EXIT_FAILURE);
        assertThat(sam.output()).startsWith("! connect: cannot connect to ws://127.0.0.1:1/ws");
    }

    private ChatRun chat(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.url().toString()));
        all.addAll(List.of(args));
        ChatRun run = ChatRun.start(all.toArray(String[]::new));
        runs.add(run);
        return run;
    }
}
