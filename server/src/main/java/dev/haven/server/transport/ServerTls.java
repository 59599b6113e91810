package dev.haven.server.transport;

import dev.haven.server.config.ConfigException;
import dev.haven.server.config.TlsSettings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The TLS context for {@code wss://}: the JDK's TLS implementation, TLS 1.3 and 1.2 only, with
 * the certificate chain and PKCS#8 key of {@code server.tls}.
 */
final class ServerTls {
    /** The protocols offered; TLS 1.1 and older are never negotiated. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private ServerTls() {
    }

    /** Reads the files and builds the context; a problem stops the start with a message naming the setting. */
    static SslContext context(TlsSettings tls) {
        File certificate = readable(tls.certificateFile(), "server.tls.certificateFile");
        File key = readable(tls.privateKeyFile(), "server.tls.privateKeyFile");
        try {
            return SslContextBuilder.forServer(certificate, key)
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException("server.tls: cannot use the certificate " + certificate + " with the key " + key
                    + " (PEM files; the key unencrypted PKCS#8, '-----BEGIN PRIVATE KEY-----'): " + e.getMessage(), e);
        }
    }

    private static File readable(String file, String setting) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(setting + ": " + file + " is not a readable file");
        }
        return path.toFile();
    }
}
