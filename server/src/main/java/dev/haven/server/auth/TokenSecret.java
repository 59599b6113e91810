package dev.haven.server.auth;

import dev.haven.server.config.AuthSettings;
import dev.haven.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Finds the HS256 secret: the configured one (from {@code HAVEN_TOKEN_SECRET} or the file),
 * else the one kept in the secret file, which the first start creates with owner-only access.
 * The server and the {@code token} command resolve it the same way, so a local user can
 * sign a token for the server they started.
 */
public final class TokenSecret {
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_BYTES = 32;

    private TokenSecret() {
    }

    public static byte[] resolve(AuthSettings auth, Map<String, String> env) {
        if (auth.tokenSecret() != null) {
            return check(auth.tokenSecret().getBytes(StandardCharsets.UTF_8), "the configured token secret");
        }
        return readOrCreate(secretFile(auth, env));
    }

    public static Path secretFile(AuthSettings auth, Map<String, String> env) {
        if (auth.secretFile() != null) {
            return Path.of(expandHome(auth.secretFile(), env));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home(env), ".config");
        return base.resolve("haven").resolve("token-secret");
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return check(text.getBytes(StandardCharsets.UTF_8), "the token secret in " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read or create the token secret file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }

    private static byte[] check(byte[] secret, String what) {
        if (secret.length < MIN_BYTES) {
            throw new ConfigException(what + " is " + secret.length + " bytes long; HS256 needs at least "
                    + MIN_BYTES + " bytes (e.g. HAVEN_TOKEN_SECRET=$(openssl rand -base64 48))");
        }
        return secret;
    }

    private static String expandHome(String path, Map<String, String> env) {
        return path.startsWith("~/") ? home(env) + path.substring(1) : path;
    }

    private static String home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? home : System.getProperty("user.home");
    }
}
