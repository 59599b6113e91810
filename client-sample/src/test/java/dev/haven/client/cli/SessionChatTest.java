package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.testing.HavenTestServer;
import dev.haven.protocol.model.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session commands end to end, against a real server: Fran facilitates with a token; Sam
 * and Alex are guests, each in their own command-line chat.
 */
class SessionChatTest {
    private final HavenTestServer server = HavenTestServer.start();
    private final List<ChatRun> runs = new ArrayList<>();

    @AfterEach
    void stop() {
        runs.forEach(ChatRun::close);
        server.stop();
    }

    private ChatRun fran(String room, String joined) {
        ChatRun fran = chat("--token", server.token("fac-1", "Fran", Role.FACILITATOR), "--room", room);
        fran.awaitOutput("You joined " + joined);
        return fran;
    }

    private ChatRun member(String name, String room, String joined, ChatRun fran) {
        ChatRun run = chat("--name", name, "--room", room);
        run.awaitOutput("You joined " + joined);
        fran.awaitOutput("* " + name + " joined");
        return run;
    }

    private ChatRun chat(String... args) {
        ChatRun run = ChatRun.at(server.url(), args);
        runs.add(run);
        return run;
    }

    @Test
    void round_givesEachMemberTheirTurn_andDoneAndPassLookTheSameToOthers() {
        ChatRun fran = fran(HavenTestServer.LOUNGE, "Lounge");
        ChatRun sam = member("Sam", HavenTestServer.LOUNGE, "Lounge", fran);
        ChatRun alex = member("Alex", HavenTestServer.LOUNGE, "Lounge", fran);

        fran.type("/round checkin 1m stick One word for how you arrive");

        sam.awaitOutput("* A check-in round has started: \"One word for how you arrive\". Order: Sam, Alex. "
                + "1 minute a turn; only the speaker writes (talking stick).");
        sam.awaitOutputMatching("\\* It is your turn \\((1 minute|\\d+ seconds)\\)\\. Write when you are ready; "
                + "/done when you have finished, or /pass to pass\\.");
        alex.awaitOutputMatching("\\* Sam's turn \\((1 minute|\\d+ seconds)\\)\\. Next: Alex\\.");
        alex.type("me first?");
        alex.awaitOutput("! not_your_turn: a round with a talking stick is on: wait for your turn");
        sam.type("Tired.");
        alex.awaitOutput("[1] Sam: Tired.");
        sam.type("/pass");
        alex.awaitOutput("* It is your turn");
        fran.awaitOutputMatching("\\* Alex's turn \\((1 minute|\\d+ seconds)\\)\\. Last turn\\.");
        alex.type("/done");
        sam.awaitOutput("* The round has ended. Thank you, everyone.");
        assertThat(fran.output()).doesNotContain("pass");
        assertThat(alex.output()).doesNotContain("passed");
        sam.type("/done");
        sam.awaitOutput("! not_your_turn: no round is running");
    }

    @Test
    void mood_answersPrivately_sharesOnlyByChoice_andTheSummaryKeepsSmallCountsPrivate() {
        ChatRun fran = fran(HavenTestServer.LOUNGE, "Lounge");
        ChatRun sam = member("Sam", HavenTestServer.LOUNGE, "Lounge", fran);
        ChatRun alex = member("Alex", HavenTestServer.LOUNGE, "Lounge", fran);

        sam.type("/mood 3");
        sam.awaitOutput("! no_check_in: no mood check-in is open now");
        fran.type("/mood checkin 2s");
        sam.awaitOutput("* Mood check-in: how are you feeling, from 1 (very low) to 5 (very good)?");
        sam.type("/mood 2 share");
        sam.awaitOutput("Thank you. The facilitators can see your answer; everyone else sees only the summary.");
        fran.awaitOutput("[facilitator alert] Sam shared their check-in with you: 2 of 5");
        alex.type("/mood skip");
        alex.awaitOutput("Thank you. Your answer counts only in the summary.");
        alex.awaitOutput("* Check-in results: 2 people took part. Fewer than 5 gave a score, so no breakdown is shown");
        assertThat(alex.output()).doesNotContain("2 of 5");
    }

    @Test
    void cw_showsTheLabelToOthers_untilTheyOpenTheMessage() {
        ChatRun fran = fran(HavenTestServer.LOUNGE, "Lounge");
        ChatRun sam = member("Sam", HavenTestServer.LOUNGE, "Lounge", fran);
        ChatRun alex = member("Alex", HavenTestServer.LOUNGE, "Lounge", fran);

        sam.type("/cw self-harm It has been a very dark week.");
        alex.awaitOutput("[1] Sam: [content warning: self harm] (hidden: /show 1 to read it)");
        sam.awaitOutput("[1] Sam: [content warning: self harm] It has been a very dark week.");
        sam.type("/cw \"a car accident\" The anniversary is today.");
        alex.awaitOutput("[2] Sam: [content warning: a car accident] (hidden: /show 2 to read it)");
        assertThat(alex.output()).doesNotContain("dark week");
        alex.type("/show 1");
        alex.awaitOutput("[1] It has been a very dark week.");
        alex.type("/cw gore text");
        alex.awaitOutput("! usage: /cw LABEL message");
    }

    @Test
    void openAndClose_leadTheGroupFromLobbyToTheEndOfTheSession() {
        ChatRun fran = fran(HavenTestServer.GROUP, "Evening Group");
        fran.awaitOutput("* The session has not started yet: you can read along until a facilitator opens it.");
        ChatRun sam = member("Sam", HavenTestServer.GROUP, "Evening Group", fran);
        sam.type("hello?");
        sam.awaitOutput("! session_not_open: the session has not started yet");

        fran.type("/open");
        sam.awaitOutput("* The session is open: everyone can write now.");
        sam.type("hello!");
        fran.awaitOutput("[1] Sam: hello!");
        fran.type("/open");
        fran.awaitOutput("The session is already open.");

        fran.type("/close 1s Thank you all for tonight.");
        sam.awaitOutput("(private) Thank you all for tonight.");
        sam.awaitOutput("(private) This session has ended and what was said in it has been deleted.");
        sam.awaitOutput("You are no longer in Evening Group.");
        fran.awaitOutput("You are no longer in Evening Group.");
        sam.type("/join group");
        sam.awaitOutput("You joined Evening Group (group). Here now: Sam.");
        assertThat(sam.output().substring(sam.output().lastIndexOf("You joined"))).doesNotContain("hello!");
    }
}
