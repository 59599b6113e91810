package dev.haven.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterSettingsTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void load_defaults_runAlone() {
        HavenConfig config = loader.load(null, Map.of());
        assertThat(config.cluster().enabled()).isFalse();
        assertThat(config.cluster().redis()).isNull();
    }

    @Test
    void load_environment_turnsClusteringOn() {
        HavenConfig config = loader.load(null, Map.of(ConfigLoader.ENV_REDIS_URI, "redis://:s3cret@127.0.0.1:6390/2"));
        assertThat(config.cluster().enabled()).isTrue();
        assertThat(config.cluster().redis().uri()).isEqualTo("redis://:s3cret@127.0.0.1:6390/2");
        assertThat(config.cluster().redis().tls()).isFalse();
    }

    @Test
    void load_file_andEnvironmentOverridesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("haven.yaml"), "cluster:\n  redis:\n    uri: rediss://redis.example:6380\n");
        assertThat(loader.load(file, Map.of()).cluster().redis().tls()).isTrue();
        assertThat(loader.load(file, Map.of(ConfigLoader.ENV_REDIS_URI, "redis://10.0.0.5")).cluster().redis().uri())
                .isEqualTo("redis://10.0.0.5");
    }

    @Test
    void load_blankEnvironment_leavesItAlone() {
        assertThat(loader.load(null, Map.of(ConfigLoader.ENV_REDIS_URI, " ")).cluster().enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://localhost", "redis://user:pw@127.0.0.1:6379", "rediss://:pw@[::1]:6380/15",
            "REDIS://host/", "redis://host:6379/0"})
    void redis_acceptedForms(String uri) {
        assertThat(new ClusterSettings.Redis(uri).uri()).isEqualTo(uri);
    }

    @Test
    void load_wrongScheme_failsNamingTheSettingWithoutThePassword() {
        assertThatThrownBy(() -> loader.load(null, Map.of(ConfigLoader.ENV_REDIS_URI, "http://:hunter2@localhost:6379")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.redis.uri must start with redis:// or rediss://")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://", "redis://:hunter2@", "redis://:hunter2@host:99999", "redis://:hunter2@host/db",
            "redis://:hunter2@host?timeout=5", "redis://:hunter2@host name", "127.0.0.1:6379", "redis-socket:///tmp/s"})
    void redis_badForms_failNamingTheSettingWithoutThePassword(String uri) {
        assertThatThrownBy(() -> new ClusterSettings.Redis(uri))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cluster.redis.uri")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void redis_toString_hidesThePassword() {
        assertThat(new ClusterSettings.Redis("redis://app:hunter2@db:6379").toString())
                .isEqualTo("Redis[uri=redis://app:***@db:6379]")
                .doesNotContain("hunter2");
        assertThat(ClusterSettings.Redis.redacted("redis://db:6379")).isEqualTo("redis://db:6379");
    }
}
