package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.TlsSettings;
import dev.haven.server.testing.SelfSignedCertificate;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
    @TempDir
    Path dir;

    @Test
    void context_offersTls12And13Only() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        SslContext context = ServerTls.context(new TlsSettings(certificate.certificateFile().toString(),
                certificate.privateKeyFile().toString()));

        SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);

        assertThat(context.isServer()).isTrue();
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
    }
}
