package dev.haven.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.server.config.AuthSettings;
import dev.haven.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSecretTest {
    @TempDir
    Path dir;

    @Test
    void resolve_noSecret_createsOwnerOnlyFileAndReusesIt() throws IOException {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.toString());
        AuthSettings auth = new AuthSettings(true, null, null);

        byte[] first = TokenSecret.resolve(auth, env);
        byte[] second = TokenSecret.resolve(auth, env);

        Path file = dir.resolve("haven/token-secret");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(TokenSecret.MIN_BYTES).isEqualTo(second);
    }

    @Test
    void resolve_configuredSecret_winsOverFile() {
        String secret = "x".repeat(32);
        byte[] resolved = TokenSecret.resolve(new AuthSettings(true, secret, dir.resolve("f").toString()), Map.of());
        assertThat(new String(resolved, StandardCharsets.UTF_8)).isEqualTo(secret);
        assertThat(dir.resolve("f")).doesNotExist();
    }

    @Test
    void resolve_shortSecret_isRefusedWithoutShowingIt() {
        String secret = "short-secret-31-bytes-long-abcd";
        assertThatThrownBy(() -> TokenSecret.resolve(new AuthSettings(true, secret, null), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining(secret);
    }

    @Test
    void resolve_shortSecretInFile_isRefused() throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, "too-short\n");
        assertThatThrownBy(() -> TokenSecret.resolve(new AuthSettings(true, null, file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void secretFile_defaultsUnderHomeConfig() {
        assertThat(TokenSecret.secretFile(new AuthSettings(true, null, null), Map.of("HOME", "/home/sam")))
                .isEqualTo(Path.of("/home/sam/.config/haven/token-secret"));
        assertThat(TokenSecret.secretFile(new AuthSettings(true, null, "~/s"), Map.of("HOME", "/home/sam")))
                .isEqualTo(Path.of("/home/sam/s"));
    }
}
