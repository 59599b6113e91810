package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.testing.HavenTestServer;
import dev.haven.protocol.model.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private check-ins in the command-line chat, against a real server: Fran facilitates the
 * lounge; Robin and Alex are members there. Every line of a check-in is marked private, and
 * Alex sees none of it.
 */
class CheckinChatTest {
    private static final String LOUNGE = HavenTestServer.LOUNGE;

    private final HavenTestServer server = HavenTestServer.start();
    private final List<ChatRun> runs = new ArrayList<>();
    private ChatRun fran;
    private ChatRun robin;
    private ChatRun alex;

    @BeforeEach
    void everyoneInTheLounge() {
        fran = chat("--token", server.token("fac-1", "Fran", Role.FACILITATOR), "--room", LOUNGE);
        fran.awaitOutput("You joined Lounge (lounge).");
        robin = chat("--token", server.token("mem-robin", "Robin", Role.MEMBER), "--room", LOUNGE);
        robin.awaitOutput("You joined Lounge (lounge).");
        alex = chat("--name", "Alex", "--room", LOUNGE);
        alex.awaitOutput("You joined Lounge (lounge).");
        fran.awaitOutput("* Alex joined");
    }

    @AfterEach
    void stop() {
        runs.forEach(ChatRun::close);
        server.stop();
    }

    private ChatRun chat(String... args) {
        ChatRun run = ChatRun.at(server.url(), args);
        runs.add(run);
        return run;
    }

    @Test
    void franChecksInWithRobin_theyWriteBothWays_andFranClosesIt() {
        fran.type("/checkin Robin");
        fran.awaitOutput("[private #1] Private check-in with Robin in Lounge, opened by Fran (facilitator).");
        robin.awaitOutput("[private #1] Fran (facilitator) opened a private check-in with you from Lounge."
                + " Only you and the group's staff (Fran (facilitator)) can read it;");
        robin.awaitOutput("[private #1] Write with /reply 1 TEXT");

        robin.type("/reply 1 thank you, it has been a hard week");
        fran.awaitOutput("[private #1] Robin: thank you, it has been a hard week");
        robin.awaitOutput("[private #1] You: thank you, it has been a hard week");

        fran.type("/reply 1");
        fran.awaitOutput("[private #1] Lines you type now go privately to this check-in;");
        fran.type("I'm glad you told me. Would a call with a counsellor help?");
        robin.awaitOutput("[private #1] Fran (facilitator): I'm glad you told me.");
        fran.type("/room");
        fran.awaitOutput("Lines you type go to Lounge again.");
        fran.type("Welcome back, everyone");
        alex.awaitOutput("Fran: Welcome back, everyone");

        robin.type("/checkins");
        robin.awaitOutput("  #1 with the group's staff (Fran (facilitator)), 2 messages");
        fran.type("/checkin Robin");
        fran.awaitOutput("[private #1] Your check-in with Robin is already open: /reply 1 TEXT.");

        fran.type("/endcheckin 1 referred");
        robin.awaitOutput("[private #1] The check-in has ended: Fran (facilitator) closed it;");
        fran.awaitOutput("[private #1] The check-in has ended.");
        robin.type("/reply 1 hello?");
        robin.awaitOutput("! not_found: you are in no check-in");

        fran.type("/audit 1");
        fran.awaitOutputMatching("checkin_close.*Robin.*referred");
        assertThat(alex.output()).doesNotContain("[private").doesNotContain("hard week").doesNotContain("counsellor");
    }

    @Test
    void aCheckinFromACrisisAlert_answersTheAlert_andRobinIsToldWhoIsReachingOut() {
        robin.type("I can't do this anymore, I'm going to end my life tonight");
        fran.awaitOutput("[CRISIS ALERT] Robin in Lounge may be in crisis");

        fran.type("/checkin Robin");

        fran.awaitOutput("This answers the alert about Robin: the other staff see that you are reaching out.");
        fran.awaitOutput("* Fran marked the alert about Robin in Lounge: reaching out.");
        robin.awaitOutput("(private) Fran from the group would like to check in with you, privately.");
        robin.awaitOutput("[private #1] Fran (facilitator) opened a private check-in with you from Lounge.");
        assertThat(alex.output()).doesNotContain("[private").doesNotContain("reaching out")
                .doesNotContain("check in with you");
    }

    @Test
    void aMemberCannotOpenACheckin_butMayDeleteTheirOwnMessage() {
        alex.type("/checkin Robin");
        alex.awaitOutput("! forbidden: only the room's facilitators open check-ins");
        alex.type("oops, wrong room");
        alex.awaitOutputMatching("\\[(\\d+)] Alex: oops, wrong room");
        alex.type("/delete 1");
        fran.awaitOutput("* message 1 was deleted");
        robin.type("/delete 1");
        robin.awaitOutput("! not_found");
    }
}
