package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatOptionsTest {
    @Test
    void parse_nameOnly_usesTheDefaultUrl() {
        ChatOptions options = ChatOptions.parse(List.of("--name", "Sam"), Map.of());

        assertThat(options.url()).isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
        assertThat(options.name()).isEqualTo("Sam");
        assertThat(options.token()).isNull();
        assertThat(options.room()).isNull();
        assertThat(options.acceptGuidelines()).isFalse();
        assertThat(options.hello().name()).isEqualTo("Sam");
    }

    @Test
    void parse_everyOption() {
        ChatOptions options = ChatOptions.parse(List.of("--url", "wss://chat.example.org/ws", "--token", "T",
                "--room", "anxiety-circle", "--accept-guidelines"), Map.of());

        assertThat(options.url()).isEqualTo(URI.create("wss://chat.example.org/ws"));
        assertThat(options.room()).isEqualTo("anxiety-circle");
        assertThat(options.acceptGuidelines()).isTrue();
        assertThat(options.hello().token()).isEqualTo("T");
        assertThat(options.hello().name()).isNull();
    }

    @Test
    void parse_tokenFromTheEnvironment_isUsed_andNeverShown() {
        ChatOptions options = ChatOptions.parse(List.of(), Map.of(ChatOptions.TOKEN_VARIABLE, "secret-token"));

        assertThat(options.hello().token()).isEqualTo("secret-token");
        assertThat(options.toString()).doesNotContain("secret-token");
    }

    @Test
    void parse_withoutNameOrToken_saysWhatIsNeeded() {
        assertThatThrownBy(() -> ChatOptions.parse(List.of("--room", "lounge"), Map.of()))
                .isInstanceOf(ChatOptions.UsageException.class)
                .hasMessageContaining("--name").hasMessageContaining("--token");
    }

    @Test
    void parse_badInput_isRefusedWithAReason() {
        assertThatThrownBy(() -> ChatOptions.parse(List.of("--name", "Sam", "--url", "http://x/ws"), Map.of()))
                .hasMessageContaining("ws://");
        assertThatThrownBy(() -> ChatOptions.parse(List.of("--name", "Sam", "--colour"), Map.of()))
                .hasMessageContaining("unknown option '--colour'");
        assertThatThrownBy(() -> ChatOptions.parse(List.of("--name"), Map.of()))
                .hasMessageContaining("--name needs a value");
    }

    @Test
    void usage_documentsTheOptionsCommandsAndExitStatus() {
        assertThat(ChatOptions.wantsHelp(List.of("--name", "Sam", "--help"))).isTrue();
        assertThat(ChatOptions.wantsHelp(List.of("--name", "Sam"))).isFalse();
        assertThat(ChatOptions.USAGE)
                .contains("--url URL", "--name NAME", "--token TOKEN", "--room ID", "--accept-guidelines",
                        "/rooms", "/join ROOM", "/leave", "/who", "/help", "/quit", "75");
    }
}
