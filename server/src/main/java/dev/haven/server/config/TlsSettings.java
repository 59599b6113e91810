package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * {@code wss://}: the server's certificate chain and private key, both PEM files. The key is
 * PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), unencrypted. The files are read when the
 * server starts; one that cannot be read stops the start with a message naming the setting.
 *
 * @param certificateFile the certificate chain, leaf first
 * @param privateKeyFile  the private key of the leaf certificate
 */
public record TlsSettings(String certificateFile, String privateKeyFile) {
    public TlsSettings {
        check(certificateFile != null && !certificateFile.isBlank(),
                "server.tls.certificateFile must be set (a PEM certificate chain) when server.tls is given");
        check(privateKeyFile != null && !privateKeyFile.isBlank(),
                "server.tls.privateKeyFile must be set (a PEM PKCS#8 private key) when server.tls is given");
    }
}
