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
 * The facilitation commands end to end, against a real server: Fran facilitates the lounge
 * with a token; Sam and Alex are guests. Each person runs their own command-line chat.
 */
class FacilitationChatTest {
    private static final String LOUNGE = HavenTestServer.LOUNGE;

    private final HavenTestServer server = HavenTestServer.start();
    private final List<ChatRun> runs = new ArrayList<>();
    private ChatRun fran;

    @BeforeEach
    void franOpensTheLounge() {
        fran = chat("--token", server.token("fac-1", "Fran", Role.FACILITATOR), "--room", LOUNGE);
        fran.awaitOutput("You joined Lounge (lounge).");
    }

    @AfterEach
    void stop() {
        runs.forEach(ChatRun::close);
        server.stop();
    }

    @Test
    void mute_byName_reachesTheMemberPrivately_andTheirLinesAreRefused() {
        ChatRun sam = member("Sam");
        ChatRun alex = member("Alex");

        fran.type("/mute sam 5m please take a breath");

        fran.awaitOutput("You muted Sam for 5 minutes. Only they and the facilitators know.");
        fran.awaitOutput("* Sam is muted (only facilitators see this)");
        sam.awaitOutput("(private) A facilitator has muted you for 5 minutes. You can still read along. "
                + "Reason: please take a breath");
        sam.type("can I say something?");
        sam.awaitOutput("! muted: ");
        alex.type("hi everyone");
        sam.awaitOutput("[1] Alex: hi everyone");

        fran.type("/unmute Sam");
        sam.awaitOutput("(private) You can write again: your mute in Lounge has ended.");
        fran.awaitOutput("* Sam can write again");
        sam.type("thank you");
        fran.awaitOutput("[2] Sam: thank you");
        alex.awaitOutput("[2] Sam: thank you");
        assertThat(alex.output()).doesNotContain("mute").doesNotContain("(private)").doesNotContain("can I say");
        assertThat(fran.output()).doesNotContain("can I say");
    }

    @Test
    void remove_takesTheMemberOut_theChatKnowsIt_andTheyMayComeBack() {
        ChatRun sam = member("Sam");
        ChatRun alex = member("Alex");

        fran.type("/remove Sam needs a break");

        sam.awaitOutput("(private) You were removed from the room. Reason: needs a break\n"
                + "You are no longer in Lounge. /join lounge when you are ready to come back.");
        fran.awaitOutput("You removed Sam from the room; they may join again.");
        fran.awaitOutput("* Sam left");
        alex.awaitOutput("* Sam left");
        sam.type("hello?");
        sam.awaitOutput("! not_in_room: join a room first");
        sam.type("/join lounge");
        sam.awaitOutput("You joined Lounge (lounge). Here now: Fran (facilitator), Alex, Sam.");
        assertThat(alex.output()).doesNotContain("removed").doesNotContain("needs a break");
    }

    @Test
    void stats_marksTheDominantMember_andAudit_listsTheActionsNewestFirst() {
        ChatRun sam = member("Sam");
        member("Alex");
        for (int i = 1; i <= 5; i++) {
            sam.type("a long story, part " + i);
        }
        fran.awaitOutput("[5] Sam: a long story, part 5");

        fran.type("/stats");

        fran.awaitOutput("Participation in Lounge over the last 15 minutes:");
        fran.awaitOutputMatching("(?m)^  Sam +5 +\\d+ +100%  <- dominant$");
        fran.awaitOutputMatching("(?m)^  Alex +0 +0 +0%$");
        fran.awaitOutputMatching("(?m)^  Fran \\(you\\) +0 +0 +0%$");

        fran.type("/mute Alex 60");
        fran.type("/unmute Alex");
        fran.type("/slow 10");
        fran.type("/audit 2");
        fran.awaitOutputMatching("Moderation log of Lounge, newest first:\\n"
                + "  time +actor +action +target +reason\\n"
                + "  \\d\\d:\\d\\d:\\d\\d  Fran +set_room +- +slowModeSeconds=10\\n"
                + "  \\d\\d:\\d\\d:\\d\\d  Fran +unmute +Alex\\n");
    }

    @Test
    void slowMode_isAnnounced_andHoldsMembersBack_butNotTheFacilitator() {
        ChatRun sam = member("Sam");

        fran.type("/slow 30");

        sam.awaitOutput("* Slow mode: one message every 30 seconds per member.");
        sam.type("one");
        sam.type("two");
        sam.awaitOutput("[1] Sam: one");
        sam.awaitOutputMatching("! slow_mode: .*30 seconds \\(try again in \\d+\\.\\d s\\)");
        fran.type("first");
        fran.type("second");
        sam.awaitOutput("[3] Fran: second");

        fran.type("/slow 0");
        sam.awaitOutput("* Slow mode is off.");
    }

    @Test
    void hand_raisedByAMember_alertsTheFacilitator_whoGivesTheFloorInAModeratedRoom() {
        ChatRun sam = member("Sam");
        ChatRun alex = member("Alex");
        fran.type("/moderated on");
        alex.awaitOutput("* The room is now moderated: members write when given the floor (/hand asks for it).");
        alex.type("may I?");
        alex.awaitOutput("! no_voice: ");

        sam.type("/hand");

        fran.awaitOutput("* Sam raised a hand");
        fran.awaitOutput("[facilitator alert] Sam raised a hand (hands up, first raised first: Sam)");
        alex.awaitOutput("* Sam raised a hand");
        fran.type("/who");
        fran.awaitOutput("Hands up, first raised first: Sam");
        fran.type("/voice Sam");
        sam.awaitOutput("(private) A facilitator has given you the floor: you can write now.");
        alex.awaitOutput("* Sam has the floor");
        sam.type("thank you for the space");
        alex.awaitOutput("[1] Sam: thank you for the space");

        alex.type("/hand");
        fran.awaitOutput("* Alex raised a hand");
        fran.type("/lower alex");
        alex.awaitOutput("* Alex's hand is down");
        alex.type("/hand");
        alex.type("/hand down");
        fran.awaitOutputMatching("(?s)\\* Alex's hand is down.*\\* Alex raised a hand.*\\* Alex's hand is down");
        assertThat(alex.output()).doesNotContain("[facilitator alert]");
        assertThat(sam.output()).doesNotContain("[facilitator alert]");
    }

    @Test
    void approval_membersWait_andJoinOnceAdmitted_withoutBeingAskedAgain() {
        ChatRun franInCircle = chat("--token", server.token("fac-2", "Gail", Role.FACILITATOR),
                "--room", HavenTestServer.CIRCLE, "--accept-guidelines");
        franInCircle.awaitOutput("You joined Anxiety Circle (circle).");
        franInCircle.type("/approval on");
        franInCircle.awaitOutput("* New members now wait for a facilitator to admit them.");
        ChatRun sam = chat("--name", "Sam");

        sam.type("/join " + HavenTestServer.CIRCLE);
        sam.awaitOutput("Do you accept these guidelines? [y/N]");
        sam.type("y");

        sam.awaitOutput("You are waiting for a facilitator to admit you to Anxiety Circle. "
                + "You will join as soon as you are admitted.");
        franInCircle.awaitOutput("[facilitator alert] Sam is waiting to join Anxiety Circle: /admit Sam or /deny Sam");
        franInCircle.type("/who");
        franInCircle.awaitOutput("Waiting to be admitted: Sam (/admit NAME or /deny NAME)");
        franInCircle.type("/admit sam");
        franInCircle.awaitOutput("You admitted Sam; they are joining now.");
        sam.awaitOutput("(private) A facilitator has admitted you to Anxiety Circle.\n"
                + "You joined Anxiety Circle (circle). Here now: Gail (facilitator), Sam.");
        franInCircle.awaitOutput("* Sam joined");
        assertThat(sam.output().split("Do you accept", -1)).hasSize(2);
    }

    @Test
    void approval_denied_leavesTheMemberOutside() {
        fran.type("/approval on");
        fran.awaitOutput("* New members now wait for a facilitator to admit them.");
        ChatRun robin = chat("--name", "Robin", "--room", LOUNGE);
        fran.awaitOutput("[facilitator alert] Robin is waiting to join Lounge");

        fran.type("/deny Robin");

        robin.awaitOutput("(private) A facilitator could not admit you to Lounge this time.");
        fran.awaitOutput("Robin was told privately that they cannot be admitted this time.");
        fran.type("/admit Robin");
        fran.awaitOutput("! unknown_member: nobody called \"Robin\" is waiting to join");
        robin.type("/who");
        robin.awaitOutput("! not_in_room: you are not in a room");
    }

    @Test
    void reportDeleteWarnBanAndLock_eachReachOnlyWhomTheyShould() {
        // Sam signs in: a guest's ban also takes out the guests present from its address, and
        // every guest of this test connects from 127.0.0.1.
        ChatRun sam = chat("--token", server.token("mem-sam", "Sam", Role.MEMBER), "--room", LOUNGE);
        sam.awaitOutput("You joined Lounge (lounge).");
        fran.awaitOutput("* Sam joined");
        ChatRun alex = member("Alex");
        alex.type("something hurtful");
        sam.awaitOutput("[1] Alex: something hurtful");

        sam.type("/report 1 this hurt");
        sam.awaitOutput("Thank you. The facilitators were told about message 1; nobody else sees your report.");
        fran.awaitOutput("[facilitator alert] Sam reported message 1 (from Alex). Reason: this hurt");
        fran.type("/delete 1");
        for (ChatRun everyone : List.of(fran, sam, alex)) {
            everyone.awaitOutput("* message 1 was deleted");
        }

        fran.type("/warn Alex please be gentle with others");
        alex.awaitOutput("(private) A word from a facilitator: please be gentle with others");
        fran.awaitOutput("Your private word reached Alex.");
        fran.type("/ban alex 1h repeated unkindness");
        alex.awaitOutput("(private) You were removed from the room and cannot rejoin for 1 hour. "
                + "Reason: repeated unkindness\nYou are no longer in Lounge.");
        fran.awaitOutput("You banned Alex from Lounge for 1 hour.");
        alex.type("/join lounge");
        alex.awaitOutput("! banned: ");
        fran.type("/unban Alex");
        fran.awaitOutput("Alex may join Lounge again.");
        alex.type("/join lounge");
        alex.awaitOutput("You joined Lounge (lounge).");

        fran.type("/lock");
        sam.awaitOutput("* The room is now locked: nobody new can join for now.");
        ChatRun robin = chat("--name", "Robin", "--room", LOUNGE);
        robin.awaitOutput("! room_locked: ");
        assertThat(sam.output()).doesNotContain("this hurt").doesNotContain("gentle").doesNotContain("unkindness");
        assertThat(alex.output()).doesNotContain("[facilitator alert]").doesNotContain("this hurt");
    }

    @Test
    void member_usingAFacilitatorsCommand_isForbidden_andUnknownNamesAreCaughtLocally() {
        ChatRun sam = member("Sam");
        member("Alex");

        sam.type("/remove Alex");
        sam.awaitOutput("! forbidden: ");
        fran.type("/mute Nobody 60");
        fran.awaitOutput("! unknown_member: nobody called \"Nobody\" is in the room (/who lists who is here)");
        fran.type("/mute");
        fran.awaitOutput("! usage: say whom: a name from /who, or a user id");
        fran.type("/mute Alex 8d");
        fran.awaitOutput("! usage: a mute lasts from 1 second to 7 days");
        fran.type("/delete last");
        fran.awaitOutput("! usage: /delete SEQ");
        sam.type("/help");
        sam.awaitOutput("/mute NAME [DURATION] [reason]");
    }

    /** A guest who joins the lounge, once Fran has seen them arrive. */
    private ChatRun member(String name) {
        ChatRun run = chat("--name", name, "--room", LOUNGE);
        run.awaitOutput("You joined Lounge (lounge).");
        fran.awaitOutput("* " + name + " joined");
        return run;
    }

    private ChatRun chat(String... args) {
        ChatRun run = ChatRun.at(server.url(), args);
        runs.add(run);
        return run;
    }
}
