package dev.haven.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.model.Role;
import dev.haven.server.auth.Identity;
import dev.haven.server.auth.TokenSecret;
import dev.haven.server.auth.TokenService;
import dev.haven.server.config.AuthSettings;
import dev.haven.server.config.ConfigException;
import dev.haven.server.testing.ProcessOutput;
import dev.haven.server.testing.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final String SECRET = "main-test-secret-main-test-secret-0123";

    @TempDir
    Path home;

    private String run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void token_printsATokenTheServerAccepts() throws Exception {
        Map<String, String> env = Map.of("HAVEN_TOKEN_SECRET", SECRET);
        String token = run(env, "token", "--sub", "fac-1", "--name", "Fran", "--role", "facilitator",
                "--rooms", "anxiety-circle, open-lounge", "--ttl", "600").strip();

        Identity identity = new TokenService(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()).verify(token);
        assertThat(identity.id()).isEqualTo("fac-1");
        assertThat(identity.roleIn("open-lounge")).isEqualTo(Role.FACILITATOR);
        assertThat(identity.roleIn("veterans-hall")).isEqualTo(Role.MEMBER);
    }

    @Test
    void token_roleSupervisor_printsASupervisorToken() throws Exception {
        Map<String, String> env = Map.of("HAVEN_TOKEN_SECRET", SECRET);
        String token = run(env, "token", "--sub", "sup-1", "--name", "Sam", "--role", "supervisor").strip();
        Identity identity = new TokenService(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()).verify(token);
        assertThat(identity.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(identity.roleIn("open-lounge")).isEqualTo(Role.SUPERVISOR);
    }

    @Test
    void token_withoutSecret_usesTheSecretFileTheServerUses() throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString());
        String token = run(env, "token", "--sub", "u", "--name", "Sam", "--role", "member").strip();
        byte[] fileSecret = TokenSecret.resolve(new AuthSettings(true, null, null), env);
        assertThat(home.resolve(".config/haven/token-secret")).exists();
        assertThat(new TokenService(fileSecret, Clock.systemUTC()).verify(token).name()).isEqualTo("Sam");
    }

    @Test
    void token_badRole_failsClearly() {
        assertThatThrownBy(() -> run(Map.of("HAVEN_TOKEN_SECRET", SECRET), "token", "--sub", "u", "--name", "S",
                "--role", "owner")).isInstanceOf(ConfigException.class).hasMessageContaining("--role");
    }

    @Test
    void token_missingSub_failsClearly() {
        assertThatThrownBy(() -> run(Map.of("HAVEN_TOKEN_SECRET", SECRET), "token", "--name", "S", "--role", "member"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--sub");
    }

    @Test
    void run_unknownOption_failsClearly() {
        assertThatThrownBy(() -> run(Map.of(), "--prot", "1"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--prot");
    }

    @Test
    void run_help_printsUsage() {
        assertThat(run(Map.of(), "--help")).contains("haven-server.jar token --sub ID");
    }

    @Test
    void sigterm_closesClientsWith1001AndExitsWithinTenSeconds() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0")
                .redirectErrorStream(true);
        builder.environment().put("HAVEN_TOKEN_SECRET", SECRET);
        builder.environment().put("HAVEN_LOG_LEVEL", "INFO");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("HAVEN_STATE_DIR", home.resolve("state").toString());
        Process process = builder.start();
        ProcessOutput output = ProcessOutput.follow(process);
        try {
            int port = output.awaitPort(java.time.Duration.ofSeconds(20));
            try (TestClient client = TestClient.guest(port, "Sam")) {
                client.request("{\"type\":\"join\",\"room\":\"open-lounge\"}");

                process.destroy();

                assertThat(client.awaitClose()).isEqualTo(1001);
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s").isTrue();
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
