package dev.haven.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {
    private static LoadSettings parse(String... args) {
        return LoadSettings.from(Flags.parse(args, 0, LoadSettings.FLAGS));
    }

    @Test
    void from_oneUrlAndPid_asBefore() {
        LoadSettings settings = parse("--url", "ws://127.0.0.1:8090/ws", "--server-pid", "1234");

        assertThat(settings.urls()).containsExactly(URI.create("ws://127.0.0.1:8090/ws"));
        assertThat(settings.serverPids()).containsExactly(1234L);
        assertThat(settings.node(0)).isZero();
        assertThat(settings.node(7)).isZero();
    }

    @Test
    void from_commaSeparatedUrlsAndPids_areEachKept() {
        LoadSettings settings = parse("--url", "ws://127.0.0.1:8081/ws, ws://[::1]:8082/ws",
                "--server-pid", "101,202");

        assertThat(settings.urls()).containsExactly(URI.create("ws://127.0.0.1:8081/ws"),
                URI.create("ws://[::1]:8082/ws"));
        assertThat(settings.serverPids()).containsExactly(101L, 202L);
    }

    @Test
    void node_spreadsMembersRoundRobinOverTheUrls() {
        LoadSettings settings = parse("--url", "ws://127.0.0.1:1/ws,ws://127.0.0.1:2/ws,ws://127.0.0.1:3/ws");

        assertThat(List.of(0, 1, 2, 3, 4, 5, 200).stream().map(settings::node).toList())
                .containsExactly(0, 1, 2, 0, 1, 2, 2);
    }

    @Test
    void from_noPidOrMinusOne_probesNothing() {
        assertThat(parse().serverPids()).isEmpty();
        assertThat(parse("--server-pid", "-1").serverPids()).isEmpty();
    }

    @Test
    void from_anyUrlOffLoopback_isRefused() {
        assertThatThrownBy(() -> parse("--url", "ws://127.0.0.1:8081/ws,ws://10.0.0.5:8082/ws"))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> parse("--url", "ws://127.0.0.1:8081/ws,ws://example.org/ws"))
                .hasMessageContaining("localhost");
    }

    @Test
    void from_badLists_areRefused() {
        assertThatThrownBy(() -> parse("--url", "ws://127.0.0.1:8081/ws,,ws://127.0.0.1:8082/ws"))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("--server-pid", "12,abc")).hasMessageContaining("process ids");
        assertThatThrownBy(() -> parse("--server-pid", "12,0")).hasMessageContaining("positive");
    }
}
