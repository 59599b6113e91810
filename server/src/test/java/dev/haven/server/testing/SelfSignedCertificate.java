package dev.haven.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway self-signed certificate for 127.0.0.1 and localhost, made with the JDK's own
 * {@code keytool} (no library needed), written out as the PEM files Haven's configuration
 * takes, and an {@link SSLContext} that trusts it and nothing else.
 */
public final class SelfSignedCertificate {
    private static final char[] PASSWORD = "throwaway".toCharArray();

    private final Path certificateFile;
    private final Path privateKeyFile;
    private final X509Certificate certificate;

    private SelfSignedCertificate(Path certificateFile, Path privateKeyFile, X509Certificate certificate) {
        this.certificateFile = certificateFile;
        this.privateKeyFile = privateKeyFile;
        this.certificate = certificate;
    }

    /** Generates an EC P-256 key and certificate, valid for two days, into {@code dir}. */
    public static SelfSignedCertificate create(Path dir) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path keyStore = dir.resolve("haven-test.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "haven",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        PrivateKey key = (PrivateKey) store.getKey("haven", PASSWORD);
        X509Certificate certificate = (X509Certificate) store.getCertificate("haven");
        Path certificateFile = dir.resolve("cert.pem");
        Path privateKeyFile = dir.resolve("key.pem");
        Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
        // PKCS#8, as PrivateKey.getEncoded() gives it.
        Files.writeString(privateKeyFile, pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedCertificate(certificateFile, privateKeyFile, certificate);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** A client context that trusts this certificate alone. */
    public SSLContext trustingContext() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("haven", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
