package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A node of a cluster that cannot reach Redis tells its load balancer so. */
class HealthzDegradedTest {
    @Test
    void get_healthz_whileDegraded_is503Degraded() throws Exception {
        ServerStatus degraded = new ServerStatus() {
            @Override
            public long uptimeSeconds() {
                return 7;
            }

            @Override
            public int connections() {
                return 2;
            }

            @Override
            public int rooms() {
                return 5;
            }

            @Override
            public boolean degraded() {
                return true;
            }
        };
        EmbeddedChannel ch = new EmbeddedChannel(new HttpEndpointHandler(degraded, ProtocolCodec.newMapper()));
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/healthz", Unpooled.buffer()));
        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
            JsonNode json = new ObjectMapper().readTree(response.content().toString(StandardCharsets.UTF_8));
            assertThat(json.path("status").asText()).isEqualTo("degraded");
            assertThat(json.path("redis").asText()).isEqualTo("unreachable");
            assertThat(json.path("connections").asInt()).isEqualTo(2);
        } finally {
            response.release();
        }
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }
}
