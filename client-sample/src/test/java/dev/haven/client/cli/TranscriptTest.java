package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Transcript transcript = new Transcript(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void message_isShownAsSeqNameText() {
        transcript.message(message("Kim", "hello there"), false);

        assertThat(shown()).isEqualTo("[12] Kim: hello there\n");
    }

    @Test
    void message_withTerminalEscapes_cannotControlTheTerminal() {
        transcript.message(message("K\u001b[2Jim", "red \u001b[31malert\u0007"), false);

        assertThat(shown()).doesNotContain("\u001b").doesNotContain("\u0007")
                .isEqualTo("[12] K?[2Jim: red ?[31malert?\n");
    }

    @Test
    void message_ofSeveralLines_indentsTheLaterOnes() {
        transcript.message(message("Kim", "first\nsecond\r\nthird"), false);

        assertThat(shown()).isEqualTo("[12] Kim: first\n    second\n    third\n");
    }

    @Test
    void error_isShownAsCodeAndMessage() {
        transcript.error("not_found", "no room with that id");

        assertThat(shown()).isEqualTo("! not_found: no room with that id\n");
    }

    private static MessageEvent message(String name, String text) {
        return new MessageEvent("lounge", 12, new UserInfo("u1", name, Role.MEMBER), text, 1L, null);
    }

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
