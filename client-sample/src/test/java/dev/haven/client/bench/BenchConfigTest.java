package dev.haven.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the tool writes is one Haven's own loader accepts, with what the runs need. */
class BenchConfigTest {
    @TempDir
    Path dir;

    @Test
    void config_thousandRooms_loadsWithRaisedLimits() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BenchMain.run(new String[] {"config", "--rooms", "1000", "--capacity", "300"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        Path file = Files.writeString(dir.resolve("haven-bench.yaml"), out.toString(StandardCharsets.UTF_8));

        HavenConfig config = new ConfigLoader().load(file, Map.of());

        assertThat(status).isZero();
        assertThat(config.rooms()).hasSize(1000);
        assertThat(config.rooms().get(0).id()).isEqualTo("room-0");
        assertThat(config.rooms().get(999).id()).isEqualTo("room-999");
        assertThat(config.rooms()).allSatisfy(room -> {
            assertThat(room.guidelines()).isNull();
            assertThat(room.capacity()).isEqualTo(300);
        });
        assertThat(config.limits().sendPerSecond()).isEqualTo(BenchConfig.SEND_PER_SECOND);
        assertThat(config.limits().framesPerSecond()).isEqualTo(BenchConfig.FRAMES_PER_SECOND);
        assertThat(config.limits().connectionsPerAddress()).isGreaterThanOrEqualTo(10_000);
        assertThat(config.limits().maxConnections()).isGreaterThanOrEqualTo(10_000);
    }
}
