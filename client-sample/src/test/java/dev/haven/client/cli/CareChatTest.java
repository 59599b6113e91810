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
 * Duty of care in the command-line chat, against a real server: Fran facilitates the lounge;
 * Sam and Alex are guests. A support notice is calm and private, a crisis alert stands out and
 * says how to answer it.
 */
class CareChatTest {
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

    private ChatRun chat(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.url().toString()));
        all.addAll(List.of(args));
        ChatRun run = ChatRun.start(all.toArray(new String[0]));
        runs.add(run);
        return run;
    }

    private ChatRun member(String name) {
        ChatRun run = chat("--name", name, "--room", LOUNGE);
        run.awaitOutput("You joined Lounge (lounge).");
        fran.awaitOutput("* " + name + " joined");
        return run;
    }

    @Test
    void crisisMessage_givesTheMemberACalmNotice_andTheFacilitatorAnAlertToAcknowledge() {
        ChatRun sam = member("Sam");
        ChatRun alex = member("Alex");

        sam.type("I can't do this anymore, I'm going to end my life tonight");

        sam.awaitOutput("(private) Thank you for sharing this.");
        sam.awaitOutput("  Free, confidential support:\n  - 988 Suicide & Crisis Lifeline: call 988, text 988, chat");
        sam.awaitOutput("  - Find A Helpline (free helplines in your country): https://findahelpline.com");
        fran.awaitOutputMatching("\\[CRISIS ALERT] Sam in Lounge may be in crisis \\(high\\), message 1\\. "
                + "Respond: /ack alert-[0-9a-f]+-\\d+ reaching\\|handled\\|false");
        alex.awaitOutput("[1] Sam: I can't do this anymore");

        fran.type("/alerts");
        fran.awaitOutputMatching("alert-[0-9a-f]+-\\d+  Sam in Lounge");
        fran.type("/ack reaching");
        fran.awaitOutput("* Fran marked the alert about Sam in Lounge: reaching out.");
        fran.type("/ack handled");
        fran.awaitOutput("* Fran marked the alert about Sam in Lounge: handled.");
        fran.type("/ack handled");
        fran.awaitOutput("! usage: there is no open alert");
        assertThat(alex.output()).doesNotContain("(private)").doesNotContain("ALERT").doesNotContain("marked");
        assertThat(sam.output()).doesNotContain("ALERT").doesNotContain("marked");
    }

    @Test
    void helpRequest_reachesTheFacilitator_withItsNote() {
        ChatRun sam = member("Sam");
        sam.type("/help-request I'm having a hard evening");
        sam.awaitOutput("Thank you. A facilitator of Lounge has been asked to check in with you;");
        fran.awaitOutputMatching("\\[facilitator requested] Sam in Lounge asks for a facilitator: "
                + "\"I'm having a hard evening\"\\. Respond: /ack alert-");
    }

    @Test
    void resources_listTheHelplines_andAFacilitatorSharesOneWithAMember() {
        ChatRun sam = member("Sam");
        ChatRun alex = member("Alex");
        sam.type("/resources");
        sam.awaitOutput("Helplines (free and confidential):");
        sam.awaitOutput("Veterans Crisis Line (veterans, service members and their families): Dial 988, then press 1");
        sam.awaitOutput("[us-988]");
        fran.type("/share gb-samaritans Sam");
        fran.awaitOutput("You shared gb-samaritans with Sam.");
        sam.awaitOutput("(resource) A facilitator shared a helpline: Samaritans: call 116 123");
        fran.type("/share us-988");
        alex.awaitOutput("(resource) A facilitator shared a helpline: 988 Suicide & Crisis Lifeline");
        assertThat(alex.output()).doesNotContain("Samaritans");
    }
}
